"""Second sample of cross-outlet pairs (random.seed(8)), drawn like dedup-sample-pairs.py but skipping the
articles of the first sample; prints a one-line summary per pair (word alignment by difflib) for reading.
Needs /tmp/pairs.json from dedup-sample-pairs.py. Not part of the build."""
import json,gzip,re,random,collections,difflib,hashlib
arts=[json.loads(l) for l in gzip.open('/work/shared/data/news-ar-saudinewsnet-dev.jsonl.gz','rt')]
def sents(t):
    t=re.sub(r'[\u064B-\u065F\u0640]','',t)
    for s in re.split(r'[.!?؟\n]+',t):
        w=re.findall(r'\w+',s)
        if len(w)>=12: yield ' '.join(w)
idx=collections.defaultdict(set)
for i,a in enumerate(arts):
    for s in sents(a['content'] or ''): idx[s].add(i)
shared=collections.Counter()
for s,ids in idx.items():
    if 1<len(ids)<20:
        ids=sorted(ids)
        for j in ids[1:]: shared[(ids[0],j)]+=1
used=set(x for p in json.load(open('/tmp/pairs.json')) for x in p)
pairs=list(shared.items()); random.seed(8); random.shuffle(pairs)
sel=[]
for (i,j),n in pairs:
    if i in used or j in used: continue
    sel.append((i,j)); used|={i,j}
    if len(sel)==30: break
json.dump(sel,open('/tmp/pairs2.json','w'))
for k,(i,j) in enumerate(sel):
    a,b=arts[i]['content'],arts[j]['content']
    wa,wb=re.findall(r'\w+',a),re.findall(r'\w+',b)
    sm=difflib.SequenceMatcher(None,wa,wb,autojunk=False)
    m=sum(x.size for x in sm.get_matching_blocks())
    print(f"#{k} {i}:{arts[i]['source']} {len(wa)}w vs {j}:{arts[j]['source']} {len(wb)}w  matched {m} ({m/max(1,len(wa)):.2f} A, {m/max(1,len(wb)):.2f} B) | {arts[i]['title'][:50]} | {arts[j]['title'][:50]}")
