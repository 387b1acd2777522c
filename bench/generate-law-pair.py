#!/usr/bin/env python3
# A generated law and its revision for timing `report-browser diff`: generate-law-pair.py N PREFIX
# writes PREFIX-old.txt and PREFIX-new.txt (N articles a side).
import random, sys
# Two generated laws of N articles (seed 17): NEW inserts an article after 第3条, deletes one, rewords every 97th.
N = int(sys.argv[1]) if len(sys.argv) > 1 else 100000
rng = random.Random(17)
chars = "国家机关人民政府法律法规规定组织公民法人权利义务管理监督审查决定申请处理程序期限依照应当可以不得有关其他部门负责工作制度建立健全保障实施条例办法标准行政复议诉讼案件证据材料调查取证听证意见送达执行撤销变更确认违法赔偿责任处分罚款许可登记备案公开信息安全环境资源"
D = '零一二三四五六七八九'
def cn(n):
    if n == 0: return '零'
    units = [(10000, '万'), (1000, '千'), (100, '百'), (10, '十')]
    out = ''; zero = False; started = False
    for v, u in units:
        q, n = divmod(n, v)
        if q:
            if zero: out += '零'; zero = False
            out += (cn(q) if q >= 10 else '' if (v == 10 and q == 1 and not started) else D[q]) + u; started = True
        elif started: zero = True
    if n:
        if zero: out += '零'
        out += D[n]
    return out
def sentence():
    return ''.join(rng.choice(chars) for _ in range(rng.randint(12, 30)))
arts = ['，'.join(sentence() for _ in range(rng.randint(2, 4))) + '。' for _ in range(N)]
new = list(arts)
for k in range(0, N, 97):
    s = list(new[k]); s[len(s) // 2] = rng.choice(chars); new[k] = ''.join(s)
del new[N // 2]
new.insert(3, '，'.join(sentence() for _ in range(3)) + '。')
def law(a):
    out = ['中华人民共和国生成法', '第一章 总则']
    for i, t in enumerate(a):
        out.append('第%s条 %s' % (cn(i + 1), t))
    return '\n'.join(out) + '\n'
prefix = sys.argv[2] if len(sys.argv) > 2 else 'law'
open(prefix + '-old.txt', 'w').write(law(arts)); open(prefix + '-new.txt', 'w').write(law(new))
