<?php
// What SimplePie, the parser inside WordPress and FreshRSS, shows of each feed URL given as an
// argument, printed as JSON: one object per feed, with its items in order.
//   SIMPLEPIE_HOME=.../wp-includes php scripts/readers/read-simplepie.php URL...
// SIMPLEPIE_HOME is WordPress's wp-includes from Debian's wordpress package (SimplePie 1.5.8):
// Debian's own libphp-simplepie is 1.3.1, whose date parser throws a TypeError on PHP 8, so it
// shows no item at all. SimplePie returns every string but the content as HTML (`&` is `&amp;`,
// in URLs too); a page shows them as text, so they are decoded here.
error_reporting(E_ALL & ~E_DEPRECATED);
define('ABSPATH', getenv('SIMPLEPIE_HOME') . '/../');
define('WPINC', 'wp-includes');
require ABSPATH . WPINC . '/class-simplepie.php';

function text($html)
{
    return $html === null ? null : html_entity_decode($html, ENT_QUOTES | ENT_HTML5, 'UTF-8');
}

function item($item)
{
    $date = $item->get_date('U');
    return [
        'id' => text($item->get_id()),
        'title' => text($item->get_title()),
        'link' => text($item->get_permalink()),
        'published' => $date === null ? null : (int) $date,
        'authors' => array_map(fn ($a) => text($a->get_name()), $item->get_authors() ?? []),
        'categories' => array_map(fn ($c) => text($c->get_label()), $item->get_categories() ?? []),
        // Its enclosures: RSS <enclosure> and every media:content, Atom rel="enclosure".
        'files' => array_values(array_filter(array_map(
            fn ($e) => $e->get_link() === null ? null : [
                'url' => text($e->get_link()),
                'type' => $e->get_type(),
                'length' => $e->get_length(),
            ],
            $item->get_enclosures() ?? []
        ))),
        'content' => $item->get_content(),
    ];
}

$feeds = [];
foreach (array_slice($argv, 1) as $url) {
    $feed = new SimplePie();
    $feed->set_feed_url($url);
    $feed->enable_cache(false);
    $feed->init();
    $feeds[] = [
        'url' => $url,
        'error' => $feed->error(),
        'items' => array_map('item', $feed->get_items()),
    ];
}
echo json_encode($feeds, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE), "\n";
