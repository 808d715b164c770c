#!/usr/bin/env python3
"""Consensus and RF benchmark against PHYLIP consense, IQ-TREE, RAxML, R ape and R phangorn.
For each size: generate a seeded tree set, run every tool (whole-process wall seconds, best of
REPS), check RF = 0 between our strict/majority trees and each peer's (with an independent
Python split reader, splits.py), check our RF matrix equals phangorn RF.dist and RAxML -f r,
and print a table. Usage (from the repository root, after ./mvnw -q -B -pl activities -am test):
  python3 bench/consensus/bench.py [--sizes 100x50,2000x400] [--reps 3] [--out bench/out/consensus]
                                   [--no-r] [--csv rows.csv]
A peer's tree with RF > 0 to ours, or an RF matrix that differs, fails the run.
"""
import argparse, os, shutil, subprocess, sys, time
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import splits as sp

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
CP = os.path.join(ROOT, 'activities', 'target', 'classes')
HERE = os.path.dirname(os.path.abspath(__file__))
PROMOTER = os.path.join(ROOT, 'promoter')  # what users run: launcher, JDK lookup, JVM start and all


def java():
    out = subprocess.run(['bash', '-c', '. %s/bin/find-jdk.sh && promoter_find_jdk && echo $JAVA_HOME' % ROOT],
                         capture_output=True, text=True, check=True).stdout.strip().splitlines()[-1]
    return os.path.join(out, 'bin', 'java')


def timed(cmd, cwd, stdin=None, reps=1):
    best = None
    for _ in range(reps):
        t = time.perf_counter()
        r = subprocess.run(cmd, cwd=cwd, input=stdin, capture_output=True, text=True)
        dt = time.perf_counter() - t
        if r.returncode != 0:
            raise RuntimeError('%s failed: %s' % (cmd[0], (r.stderr or r.stdout)[-500:]))
        best = dt if best is None else min(best, dt)
    return best, r.stdout


def phylip(f, wd, strict, reps):
    d = os.path.join(wd, 'phylip'); shutil.rmtree(d, ignore_errors=True); os.makedirs(d)
    shutil.copy(f, os.path.join(d, 'intree'))
    menu = 'C\nY\n' if strict else 'C\nC\nY\n'
    def run():
        for x in ('outfile', 'outtree'):
            if os.path.exists(os.path.join(d, x)): os.remove(os.path.join(d, x))
        return timed(['/usr/lib/phylip/bin/consense'], d, menu)[0]
    t = min(run() for _ in range(reps))
    return t, os.path.join(d, 'outtree')


def iqtree(f, wd, strict, reps):
    pre = os.path.join(wd, 'iq_' + ('strict' if strict else 'mr'))
    t, _ = timed(['iqtree2', '-con', '-t', f, '-minsup', '0.9999' if strict else '0.5', '-pre', pre,
                  '-quiet', '-redo'], wd, reps=reps)
    return t, pre + '.contree'


def raxml(f, wd, mode, reps):
    name = 'rx' + mode
    def run():
        for x in os.listdir(wd):
            if x.startswith('RAxML_') and x.endswith('.' + name): os.remove(os.path.join(wd, x))
        return timed(['raxmlHPC', '-J', mode, '-z', f, '-m', 'GTRCAT', '-n', name, '-w', wd], wd)[0]
    t = min(run() for _ in range(reps))
    kind = {'MR': 'MajorityRuleConsensusTree', 'STRICT': 'StrictConsensusTree', 'MRE': 'MajorityRuleExtendedConsensusTree'}[mode]
    return t, os.path.join(wd, 'RAxML_%s.%s' % (kind, name))


def ape(f, wd, strict, reps):
    out = os.path.join(wd, 'ape_%s.nwk' % ('strict' if strict else 'mr'))
    code = 'library(ape); t<-read.tree("%s"); write.tree(consensus(t, p=%s), "%s")' % (f, '1' if strict else '0.5', out)
    return timed(['Rscript', '-e', code], wd, reps=reps)[0], out


def ours(jv, f, wd, method, reps):
    out = os.path.join(wd, 'ours_%s.nwk' % method)
    t, text = timed([PROMOTER, 'consensus', '--method', method, '--input', f], wd, reps=reps)
    open(out, 'w').write(text)
    return t, out


def ours_injvm(jv, f, wd, what, k, n):
    # The same call a running worker's consensus activity makes: first call cold, then warm.
    reps = max(3, min(20, int(2e7 / (k * n))))
    _, text = timed([jv, '-cp', CP + os.pathsep + os.path.join(wd, '..', 'benchcls'), 'InJvmBench', f, what, str(reps)], wd)
    runs = [float(l.split()[2]) for l in text.splitlines() if l.startswith('run')]
    return runs[0], min(runs)


def rf0(a, b):
    return sp.rf(sp.read(a)[0], sp.read(b)[0])


def rf_matrix_checks(jv, f, wd, k, reps, with_r=True):
    t_ours, tsv = timed([PROMOTER, 'rf', '--input', f], wd, reps=reps)
    ours = [list(map(int, l.split('\t')[1:])) for l in tsv.splitlines()[1:]]
    t_ph, same_ph = None, None
    if with_r:
        pout = os.path.join(wd, 'phangorn_rf.tsv')
        code = 'library(phangorn); t<-read.tree("%s"); m<-as.matrix(RF.dist(t)); write.table(m, "%s", sep="\\t", quote=FALSE, col.names=FALSE, row.names=FALSE)' % (f, pout)
        t_ph, _ = timed(['Rscript', '-e', code], wd, reps=1)
        ph = [list(map(float, l.split('\t'))) for l in open(pout).read().splitlines()]
        same_ph = all(int(ph[i][j]) == ours[i][j] for i in range(k) for j in range(k))
    for x in os.listdir(wd):
        if x.endswith(".rxrf"): os.remove(os.path.join(wd, x))
    t_rx, _ = timed(['raxmlHPC', '-f', 'r', '-z', f, '-m', 'GTRCAT', '-n', 'rxrf', '-w', wd], wd, reps=1)
    same_rx = True
    for l in open(os.path.join(wd, 'RAxML_RF-Distances.rxrf')):
        ij, rest = l.split(':')
        i, j = map(int, ij.split())
        same_rx &= int(rest.split()[0]) == ours[i][j]
    return t_ours, t_ph, t_rx, same_ph, same_rx


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--sizes', default='100x50,500x100,1000x200,2000x400,5000x1000,10000x1000')
    ap.add_argument('--scaling', action='store_true',
                    help='ours only: time against k at n=200 and against n at k=1000, per tree-taxon')
    ap.add_argument('--reps', type=int, default=3)
    ap.add_argument('--out', default=os.path.join(ROOT, 'bench', 'out', 'consensus'))
    ap.add_argument('--rf-max-trees', type=int, default=1000)
    ap.add_argument('--skip-ape-above', type=int, default=10**9)
    ap.add_argument('--no-r', action='store_true',
                    help='leave out the R peers (ape, phangorn): a quick run does not install R')
    ap.add_argument('--csv', help='also write one row per tool and size here (size,k,n,method,tool,seconds), for plots')
    a = ap.parse_args()
    jv = java()
    cls = os.path.join(a.out, 'benchcls'); os.makedirs(cls, exist_ok=True)
    subprocess.run([jv.replace('/java', '/javac'), '-cp', CP, '-d', cls, os.path.join(HERE, 'InJvmBench.java')], check=True)
    if a.scaling:
        return scaling(jv, a.out)
    rows, checks = [], []
    csv = open(a.csv, 'w') if a.csv else None
    if csv:
        csv.write('size,k,n,method,tool,seconds\n')
    for size in a.sizes.split(','):
        k, n = map(int, size.split('x'))
        wd, f = tree_file(a.out, k, n)
        for method, strict in (('majority', False), ('strict', True)):
            t_o, o = ours(jv, f, wd, method, a.reps)
            cold, warm = ours_injvm(jv, f, wd, method, k, n)
            peers = [('RAxML', *raxml(f, wd, 'STRICT' if strict else 'MR', a.reps)),
                     ('PHYLIP', *phylip(f, wd, strict, a.reps)),
                     ('IQ-TREE', *iqtree(f, wd, strict, a.reps))]
            if k * n <= a.skip_ape_above and not a.no_r:
                peers.append(('ape', *ape(f, wd, strict, 1)))
            for name, t, out in peers:
                checks.append((size, method, name, rf0(o, out)))
            rows.append((size, method, t_o, cold, warm, peers))
            if csv:
                for tool, t in [('ours', t_o), ('ours (warm worker)', warm)] + [(nm, t) for nm, t, _ in peers]:
                    csv.write('%s,%d,%d,%s,%s,%.4f\n' % (size, k, n, method, tool, t))
                csv.flush()
            print_row(rows[-1], checks); sys.stdout.flush()
        if k <= a.rf_max_trees:
            t_o, t_ph, t_rx, same_ph, same_rx = rf_matrix_checks(jv, f, wd, k, a.reps, not a.no_r)
            cold, warm = ours_injvm(jv, f, wd, 'rf', k, n)
            ph = 'not run (no R)' if t_ph is None else '%.2f s equal=%s' % (t_ph, same_ph)
            print('%-10s rf-matrix  ours %.2f s (worker cold %.2f, warm %.3f) | phangorn RF.dist %s | RAxML -f r %.2f s equal=%s'
                  % (size, t_o, cold, warm, ph, t_rx, same_rx)); sys.stdout.flush()
            if same_ph is False or not same_rx:
                raise SystemExit('%s: our RF matrix differs from a peer\'s' % size)
    bad = [c for c in checks if c[3] != 0]
    print('RF(ours, peer) checks: %d, non-zero: %s' % (len(checks), bad or 'none'))
    if bad:
        raise SystemExit('our consensus differs from a peer\'s (above)')


def tree_file(out, k, n):
    wd = os.path.join(out, '%dx%d' % (k, n)); os.makedirs(wd, exist_ok=True)
    f = os.path.join(wd, 'trees.nwk')
    if not os.path.exists(f):
        with open(f, 'w') as fh:
            subprocess.run([sys.executable, os.path.join(HERE, 'gen_trees.py'), str(k), str(n), str(k * 1000 + n)], stdout=fh, check=True)
    return wd, f


def scaling(jv, out):
    # Linear in k x n means the time per tree-taxon stays flat along both series.
    print('%-10s %12s %12s %14s %14s' % ('k x n', 'process s', 'warm s', 'process ns/kn', 'warm ns/kn'))
    for k, n in [(1000, 200), (2000, 200), (4000, 200), (8000, 200), (16000, 200),
                 (1000, 100), (1000, 400), (1000, 800), (1000, 1600), (1000, 3200)]:
        wd, f = tree_file(out, k, n)
        t, _ = ours(jv, f, wd, 'majority', 3)
        _, warm = ours_injvm(jv, f, wd, 'majority', k, n)
        print('%-10s %12.3f %12.4f %14.1f %14.1f' % ('%dx%d' % (k, n), t, warm, t / (k * n) * 1e9, warm / (k * n) * 1e9))
        sys.stdout.flush()


def print_row(row, checks):
    size, method, t_o, cold, warm, peers = row
    cells = ' | '.join('%s %.2f s (RF %d)' % (nm, t, [c[3] for c in checks if c[:3] == (size, method, nm)][0]) for nm, t, _ in peers)
    print('%-10s %-9s ours %.2f s (worker cold %.2f, warm %.3f) | %s' % (size, method, t_o, cold, warm, cells))


if __name__ == '__main__':
    main()
