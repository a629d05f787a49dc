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


def images(entry):
    found = [e.get('href') for e in entry.get('enclosures', [])]
    found += [m.get('url') for m in entry.get('media_content', [])]
    # feedparser reports media:content and the enclosure it also makes of it; one image each.
    return list(dict.fromkeys(u for u in found if u))


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
            'images': images(entry),
            'content': content(entry),
        })
    return {
        'url': url,
        'bozo': str(d.get('bozo_exception')) if d.bozo else None,
        'version': d.get('version'),
        'items': items,
    }


print(json.dumps([read(url) for url in sys.argv[1:]], ensure_ascii=False))
