#!/usr/bin/env python3
"""Writes a *_alignment.json from a hand-written article map (the *_map.json beside it).

The map holds only the judgements made by reading both texts: for each new article its sources
(`from`, with the part taken), smaller pieces (`also_from`), the kind of change and a note; the
old articles with no successor; the chapter mapping. Everything that can be counted (lines,
chapters, article ranges, types, the old-side index, the summary) is derived from the texts
here, in the shape of ../pairs/xingzheng_fuyi_fa_alignment.json, so that check_alignment.py
can check the result. Standard library only.

usage: python3 make_alignment.py NAME_map.json ...
"""
import json
import os
import re
import sys

NUM = '一二三四五六七八九十百零'
ART = re.compile(r'^第([%s]+)条[ \u3000]' % NUM)
CHAP = re.compile(r'^第([%s]+)章[ \u3000]*(.*)$' % NUM)
SECT = re.compile(r'^第([%s]+)节[ \u3000]*(.*)$' % NUM)
DIGITS = '零一二三四五六七八九'


def numeral(n):
    if n < 10:
        return DIGITS[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return ('' if tens == 1 else DIGITS[tens]) + '十' + (DIGITS[ones] if ones else '')
    hundreds, rest = divmod(n, 100)
    head = DIGITS[hundreds] + '百'
    if rest == 0:
        return head
    if rest < 10:
        return head + '零' + DIGITS[rest]
    tens, ones = divmod(rest, 10)
    return head + DIGITS[tens] + '十' + (DIGITS[ones] if ones else '')


def outline(path):
    lines = open(path, encoding='utf-8').read().split('\n')
    if lines and lines[-1] == '':
        lines.pop()
    articles, chapters = {}, []
    chapter, section, current = None, None, None
    for i, line in enumerate(lines, 1):
        m = CHAP.match(line)
        if m:
            chapter = {'marker': '第%s章' % m.group(1), 'heading': m.group(2), 'line': i, 'members': []}
            chapters.append(chapter)
            section, current = None, None
            continue
        m = SECT.match(line)
        if m:
            section = {'marker': '第%s节' % m.group(1), 'heading': m.group(2), 'line': i, 'members': []}
            chapter.setdefault('sections', []).append(section)
            current = None
            continue
        m = ART.match(line)
        if m:
            marker = '第%s条' % m.group(1)
            current = {'line': i, 'chapter': chapter['marker'] if chapter else None,
                       'section': section['marker'] if section else None,
                       'text': line[m.end():]}
            articles[marker] = current
            if chapter:
                chapter['members'].append(marker)
            if section:
                section['members'].append(marker)
            continue
        if current is not None:
            current['text'] += '\n' + line
    return articles, chapters


def folded(text):
    return re.sub(r'\s', '', text.replace(':', '：'))


def chapter_table(chapters):
    table = []
    for c in chapters:
        row = {'marker': c['marker'], 'heading': c['heading'], 'line': c['line'],
               'articles': [c['members'][0], c['members'][-1]], 'article_count': len(c['members'])}
        if 'sections' in c:
            row['sections'] = [{'marker': s['marker'], 'heading': s['heading'], 'line': s['line'],
                                'articles': [s['members'][0], s['members'][-1]],
                                'article_count': len(s['members'])} for s in c['sections']]
        table.append(row)
    return table


def build(map_path):
    spec = json.load(open(map_path, encoding='utf-8'))
    base = os.path.dirname(map_path)
    old, old_chapters = outline(os.path.join(base, spec['docs']['old']))
    new, new_chapters = outline(os.path.join(base, spec['docs']['new']))

    def source(entry):
        n, part = entry[0], entry[1] if len(entry) > 1 else 'whole'
        marker = '第%s条' % numeral(n)
        a = old[marker]
        return {'article': marker, 'n': n, 'line': a['line'], 'chapter': a['chapter'],
                'section': a['section'], 'part': part}

    main_uses = {}
    for item in spec['articles'].values():
        for entry in item.get('from', []):
            main_uses[entry[0]] = main_uses.get(entry[0], 0) + 1
    articles, counts = [], {}
    for key in sorted(spec['articles'], key=int):
        n, item = int(key), spec['articles'][key]
        marker = '第%s条' % numeral(n)
        a = new[marker]
        sources = [source(e) for e in item.get('from', [])]
        if not sources:
            kind = 'new'
        elif len(sources) >= 2:
            kind = 'merged'
        elif main_uses[sources[0]['n']] >= 2:
            kind = 'split'
        elif folded(old[sources[0]['article']]['text']) == folded(a['text']):
            kind = 'same' if sources[0]['article'] == marker else 'renumbered'
        else:
            kind = 'modified'
        counts[kind] = counts.get(kind, 0) + 1
        entry = {'new': marker, 'new_n': n, 'new_line': a['line'], 'new_chapter': a['chapter'],
                 'new_section': a['section'], 'type': kind, 'from': sources}
        if item.get('also_from'):
            entry['also_from'] = [source(e) for e in item['also_from']]
        entry['number_changed'] = bool(sources) and any(s['article'] != marker for s in sources)
        entry['change'] = 'none' if kind in ('same', 'renumbered') else item.get('change', 'substantive')
        entry['note'] = item.get('note', '')
        if 'confidence' in item:
            entry['confidence'] = item['confidence']
        articles.append(entry)
    missing = set(new) - {e['new'] for e in articles}
    if missing:
        sys.exit('%s: no entry for new %s' % (map_path, sorted(missing)))

    deleted = []
    for item in spec.get('deleted', []):
        marker = '第%s条' % numeral(item['old'])
        deleted.append({'old': marker, 'old_n': item['old'], 'old_line': old[marker]['line'],
                        'old_chapter': old[marker]['chapter'], 'note': item.get('note', '')})
    old_to_new = {}
    for marker, a in old.items():
        to = [e['new'] for e in articles for s in e['from'] if s['article'] == marker]
        minor = [e['new'] for e in articles for s in e.get('also_from', []) if s['article'] == marker]
        row = {'line': a['line'], 'chapter': a['chapter'], 'to': to}
        if minor:
            row['minor_to'] = minor
        old_to_new[marker] = row
    result = {
        'docs': spec['docs'],
        'document': spec['document'],
        'line_basis': "1-based line numbers in the .txt files, counting only '\\n' as line separator (cat -n, grep -n, str.split('\\n')).",
        'unit': 'article (第N条). One entry per new article under `articles`; old articles with no successor under `deleted`; the reverse index under `old_to_new`; 章/节 under `chapters`.',
        'derivation': spec['derivation'],
        'types': {
            'same': 'same number, identical text (after ":"→"：" and whitespace removal)',
            'renumbered': 'identical text, different number',
            'modified': 'one old article is the source, and it is the source of no other new article; wording changed (`change`: editorial = terminology/law titles only, substantive = content changed)',
            'split': 'the only source is an old article whose content is distributed over two or more new articles; `from[].part` says which part',
            'merged': 'two or more old articles are sources',
            'new': 'no old source (`also_from` may still name a sentence that moved in)',
        },
        'chapters': {'old': chapter_table(old_chapters), 'new': chapter_table(new_chapters),
                     'mapping': spec['chapters']},
        'articles': articles,
        'deleted': deleted,
        'partly_dropped': [],
        'old_to_new': old_to_new,
        'summary': {'old_articles': len(old), 'new_articles': len(new),
                    'old_chapters': len(old_chapters), 'new_chapters': len(new_chapters),
                    'new_articles_by_type': counts, 'deleted_old_articles': len(deleted)},
        'notes': spec.get('notes', []),
    }
    if spec.get('jie_mapping'):
        # 节 → 节 (check_alignment.py reads only chapter mappings; the accuracy tests read this).
        result['chapters']['jie_mapping'] = spec['jie_mapping']
    for item in spec.get('partly_dropped', []):
        marker = '第%s条' % numeral(item['old'])
        result['partly_dropped'].append({'old': marker, 'old_line': old[marker]['line'],
                                         'part': item['part'], 'note': item.get('note', '')})
    out = map_path.replace('_map.json', '_alignment.json')
    with open(out, 'w', encoding='utf-8') as f:
        json.dump(result, f, ensure_ascii=False, indent=1)
        f.write('\n')
    print(out, counts, 'deleted', len(deleted))


if __name__ == '__main__':
    for path in sys.argv[1:]:
        build(path)
