#!/usr/bin/python3
"""What Python feedparser, the parser many feed readers descend from, shows of each feed URL
given as an argument, printed as JSON: one object per feed, with its items in order, and
feedparser's own verdict on the document (`bozo`, `version`).

Must run under Debian's /usr/bin/python3, which sees python3-feedparser.
"""
import calendar
import json
import sys

import feedparser


def files(entry):
    """Every file shown with the entry: its enclosures (RSS <enclosure>, Atom rel="enclosure")
    with their type and length, then its media:content with type and fileSize."""
    found = [{'url': e.get('href'), 'type': e.get('type'), 'length': e.get('length')}
             for e in entry.get('enclosures', [])]
    found += [{'url': m.get('url'), 'type': m.get('type'), 'length': m.get('filesize')}
              for m in entry.get('media_content', [])]
    return [f for f in found if f['url']]


def content(entry):
    if entry.get('content'):
        return entry.content[0].value
    return entry.get('summary', '')


def read(url):
    d = feedparser.parse(url)
    items = []
    for entry in d.entries:
        published = entry.get('published_parsed')
        items.append({
            'id': entry.get('id'),
            'title': entry.get('title'),
            'link': entry.get('link'),
            'published': calendar.timegm(published) if published else None,
            'authors': [a.get('name', '') for a in entry.get('authors', [])],
            'categories': [t.get('term') for t in entry.get('tags', [])],
            'files': files(entry),
            'content': content(entry),
        })
    return {
        'url': url,
        'bozo': str(d.get('bozo_exception')) if d.bozo else None,
        'version': d.get('version'),
        'items': items,
    }


print(json.dumps([read(url) for url in sys.argv[1:]], ensure_ascii=False))
