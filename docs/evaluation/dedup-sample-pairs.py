"""How the 40 cross-outlet pairs in enrich-streams/src/test/resources/dedup/saudinewsnet-inspected-pairs.tsv
were drawn: all pairs of articles in news-ar-saudinewsnet-dev.jsonl.gz that share an identical sentence of 12+
words, shuffled with random.seed(7); the first 40 were read and labelled by hand (see dedup.md). Writes
/tmp/pairs.txt (openings and endings of both texts) and /tmp/pairs.json (corpus line numbers).
Not part of the build; run with python3 from any folder that can read /work/shared/data."""
import gzip, json, re, collections, hashlib
arts=[json.loads(l) for l in gzip.open('/work/shared/data/news-ar-saudinewsnet-dev.jsonl.gz','rt')]
print(len(arts), collections.Counter(a['source'] for a in arts).most_common())
def sents(t):
    t=re.sub(r'[\u064B-\u065F\u0640]','',t)
    for s in re.split(r'[.!?؟\n]+',t):
        w=re.findall(r'\w+',s)
        if len(w)>=12: yield ' '.join(w)
idx=collections.defaultdict(set)
for i,a in enumerate(arts):
    for s in sents(a['content'] or ''):
        idx[s].add(i)
# union-find over articles sharing a long sentence
par=list(range(len(arts)))
def f(x):
    while par[x]!=x: par[x]=par[par[x]]; x=par[x]
    return x
shared=collections.Counter()
for s,ids in idx.items():
    if 1<len(ids)<20:
        ids=sorted(ids)
        for j in ids[1:]:
            shared[(ids[0],j)]+=1
            par[f(j)]=f(ids[0])
groups=collections.defaultdict(list)
for i in range(len(arts)): groups[f(i)].append(i)
multi=[g for g in groups.values() if len(g)>1]
print('groups',len(multi),'articles',sum(len(g) for g in multi))
print(collections.Counter(len(g) for g in multi).most_common(10))
# exact content dup
c=collections.Counter(hashlib.md5((a['content'] or '').strip().encode()).hexdigest() for a in arts)
print('exact dup contents', sum(v-1 for v in c.values() if v>1))
print('same url', len(arts)-len(set(a['url'] for a in arts)))
import random
random.seed(7)
pairs=list(shared.items())
random.shuffle(pairs)
def nsent(i): return max(1,sum(1 for _ in sents(arts[i]['content'] or '')))
out=[]
for (i,j),n in pairs[:40]:
    a,b=arts[i],arts[j]
    out.append(f"=== {i}:{a['source']} ({len(a['content'])}ch, {nsent(i)}s) vs {j}:{b['source']} ({len(b['content'])}ch, {nsent(j)}s) shared {n}\nT1 {a['title']}\nT2 {b['title']}\nA: {a['content'][:260]!r}\nB: {b['content'][:260]!r}\nAe: {a['content'][-150:]!r}\nBe: {b['content'][-150:]!r}")
open('/tmp/pairs.txt','w').write('\n'.join(out))
json.dump([[i,j] for (i,j),n in pairs[:40]],open('/tmp/pairs.json','w'))
