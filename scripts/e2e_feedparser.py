#!/usr/bin/python3
"""Reads feeds with Python feedparser, the parser most feed readers descend from.

stdin: JSON list of {"path", "format": "rss"|"atom", "expected": [{"title", "published"}]}
where "published" is seconds since the epoch. Prints one line per problem; exit 1 if any.
Must run under Debian's /usr/bin/python3, which sees python3-feedparser.
"""
import calendar
import json
import sys

import feedparser

WANT = {'rss': 'rss20', 'atom': 'atom10'}
problems = []
docs = json.load(sys.stdin)
for doc in docs:
    with open(doc['path'], 'rb') as f:
        d = feedparser.parse(f.read())
    where = doc['path']
    if d.bozo:
        problems.append('%s: bozo=1 (%s)' % (where, d.get('bozo_exception')))
    if d.get('version') != WANT[doc['format']]:
        problems.append('%s: version %r, expected %r' % (where, d.get('version'), WANT[doc['format']]))
    if len(d.entries) != len(doc['expected']):
        problems.append('%s: %d entries, expected %d' % (where, len(d.entries), len(doc['expected'])))
    for entry, want in zip(d.entries, doc['expected']):
        if entry.get('title') != want['title']:
            problems.append('%s: title %r, expected %r' % (where, entry.get('title'), want['title']))
        parsed = entry.get('published_parsed')
        if parsed is None or calendar.timegm(parsed) != want['published']:
            problems.append('%s: %s published %r, expected %d' % (where, want['title'][:40], entry.get('published'), want['published']))
for p in problems:
    print(p)
print('feedparser %s: %d documents, %d problems' % (feedparser.__version__, len(docs), len(problems)))
sys.exit(1 if problems else 0)
