#!/usr/bin/python3
"""What newsboat shows of each feed URL given as an argument, printed as JSON: one object per
feed, with its items in the feed's order.

newsboat runs as its users run it, without a terminal: `newsboat -x reload` fetches the feed
into its cache, an SQLite file, which is then read. Each feed gets a cache of its own, since
newsboat keeps one row per guid and an article is in several feeds. newsboat keeps one author
string per item and no categories. Of enclosures it keeps one per item, its URL and type but no
length: a podcast's (audio or video; of several, the last in the document, RSS <enclosure> and
media:content alike), so it shows images only in the content.
"""
import json
import os
import sqlite3
import subprocess
import sys
import tempfile

COLUMNS = 'guid, title, author, url, pubDate, content, enclosure_url, enclosure_type'


def read(url):
    with tempfile.TemporaryDirectory() as home:
        paths = {name: os.path.join(home, name) for name in ('urls', 'config', 'cache.db')}
        with open(paths['urls'], 'w') as f:
            f.write(url + '\n')
        open(paths['config'], 'w').close()
        run = subprocess.run(
            ['newsboat', '-u', paths['urls'], '-C', paths['config'], '-c', paths['cache.db'],
             '-x', 'reload'],
            capture_output=True, text=True, env={**os.environ, 'HOME': home}, timeout=120)
        if run.returncode != 0:
            return {'url': url, 'error': run.stderr.strip() or run.stdout.strip(), 'items': []}
        db = sqlite3.connect(paths['cache.db'])
        rows = db.execute('SELECT %s FROM rss_item ORDER BY id' % COLUMNS).fetchall()
        db.close()
    items = []
    for guid, title, author, link, published, content, enclosure, kind in rows:
        items.append({
            'id': guid,
            'title': title,
            'link': link,
            'published': published,
            'authors': [author] if author else [],
            'categories': None,
            'files': [{'url': enclosure, 'type': kind, 'length': None}] if enclosure else [],
            'content': content,
        })
    return {'url': url, 'items': items}


print(json.dumps([read(url) for url in sys.argv[1:]], ensure_ascii=False))
