#!/usr/bin/env python3
"""Independent verifier of a Zhifa 双随机 draw (algorithm zhifa-draw-v1), standard library only.

Usage: python3 verify_draw.py candidates.txt SECRET DRAW_ID [COMMITMENT]
candidates.txt is the published candidate text (公示页“候选名单原文”). Prints the candidate hash, the seed
and the result lines "firm:officer,officer;joint" -- compare them with the published ones.
"""
import hashlib
import struct
import sys


def parse(text):
    lines = text.split("\n")
    head = lines[0].split(" ")
    assert head[0] == "zhifa-draw-v1", "unknown algorithm " + head[0]
    values = dict(kv.split("=", 1) for kv in head[1:])
    sections, current = {}, None
    for line in lines[1:]:
        if line.startswith("["):
            current = sections.setdefault(line[1:-1], [])
        elif line and current is not None:
            current.append(line)

    def people(name):
        out = []
        for line in sections.get(name, []):
            pid, town = line.split(",")
            out.append((int(pid), None if town == "-" else int(town)))
        return out

    def pairs(name):
        out = {}
        for line in sections.get(name, []):
            firm, ids = line.split(":")
            out[int(firm)] = [int(x) for x in ids.split(",")]
        return out

    return dict(count=int(values["count"]), team=int(values["team"]), joint=int(values["joint"]),
                town=values["townRecusal"] == "true", firms=people("firms"), officers=people("officers"),
                jointers=people("joint"), recusals=pairs("recusals"), previous=pairs("previous"))


class Stream:
    def __init__(self, seed):
        self.seed, self.counter, self.buf = seed, 0, []

    def next_u32(self):
        if not self.buf:
            block = hashlib.sha256(self.seed + struct.pack(">Q", self.counter)).digest()
            self.counter += 1
            self.buf = [struct.unpack(">I", block[i:i + 4])[0] for i in range(0, 32, 4)]
        return self.buf.pop(0)

    def below(self, n):
        limit = 2 ** 32 - (2 ** 32 % n)
        while True:
            v = self.next_u32()
            if v < limit:
                return v % n


class Pool:
    def __init__(self, people, town_recusal):
        self.ids = [p for p, _ in people]
        self.index = {p: i for i, p in enumerate(self.ids)}
        self.by_town = {}
        if town_recusal:
            for i, (_, town) in enumerate(people):
                if town is not None:
                    self.by_town.setdefault(town, []).append(i)
        self.load = [0] * len(self.ids)
        self.buckets = [list(range(len(self.ids)))]
        self.pos = list(range(len(self.ids)))

    def team(self, rnd, firm, town, recused, previous, size):
        excluded = []
        for pid in recused:
            if pid in self.index and self.index[pid] not in excluded:
                excluded.append(self.index[pid])
        for i in self.by_town.get(town, []) if town is not None else []:
            if i not in excluded:
                excluded.append(i)
        hard = len(excluded)
        if len(self.ids) - hard < size:
            raise SystemExit("firm %d: not enough eligible people" % firm)
        for pid in previous:
            if pid in self.index and self.index[pid] not in excluded:
                excluded.append(self.index[pid])
        soft = set(excluded[hard:])
        fresh = min(size, len(self.ids) - len(excluded))
        team = []
        for slot in range(size):
            if slot == fresh:
                excluded = [i for i in excluded if not (i in soft and self.ids[i] not in team)]
            chosen = self.pick(rnd, set(excluded))
            team.append(self.ids[chosen])
            excluded.append(chosen)
            self.promote(chosen)
        return team

    def pick(self, rnd, excluded):
        level = 0
        while True:
            bucket = self.buckets[level]
            if any(i not in excluded for i in bucket):
                while True:
                    c = bucket[rnd.below(len(bucket))]
                    if c not in excluded:
                        return c
            level += 1

    def promote(self, i):
        level = self.load[i]
        bucket = self.buckets[level]
        last = bucket[-1]
        bucket[self.pos[i]] = last
        self.pos[last] = self.pos[i]
        bucket.pop()
        if len(self.buckets) == level + 1:
            self.buckets.append([])
        self.pos[i] = len(self.buckets[level + 1])
        self.buckets[level + 1].append(i)
        self.load[i] = level + 1


def main():
    text = open(sys.argv[1], encoding="utf-8").read()
    secret, draw_id = sys.argv[2], sys.argv[3]
    if len(sys.argv) > 4:
        ok = hashlib.sha256(secret.encode()).hexdigest() == sys.argv[4]
        print("commitment", "OK" if ok else "MISMATCH")
    candidate_hash = hashlib.sha256(text.encode("utf-8")).hexdigest()
    seed = hashlib.sha256(("%s|%s|%s" % (secret, candidate_hash, draw_id)).encode()).digest()
    print("candidates", candidate_hash)
    print("seed", seed.hex())
    d = parse(text)
    rnd = Stream(seed)
    firms = [f for f, _ in d["firms"]]
    town_of = dict(d["firms"])
    for i in range(d["count"]):
        j = i + rnd.below(len(firms) - i)
        firms[i], firms[j] = firms[j], firms[i]
    officers, joint = Pool(d["officers"], d["town"]), Pool(d["jointers"], False)
    lines = []
    for firm in firms[:d["count"]]:
        rec, prev = d["recusals"].get(firm, []), d["previous"].get(firm, [])
        team = officers.team(rnd, firm, town_of[firm], rec, prev, d["team"])
        others = joint.team(rnd, firm, None, rec, prev, d["joint"]) if d["joint"] else []
        lines.append("%d:%s;%s\n" % (firm, ",".join(map(str, team)), ",".join(map(str, others))))
    result = "".join(lines)
    sys.stdout.write(result)
    print("result", hashlib.sha256(result.encode()).hexdigest())


if __name__ == "__main__":
    main()
