"""Disjoint sets over 0..n-1 (union-find with path halving): which claims or groups
end up joined after pairwise tests, whatever the order of the joins."""

from __future__ import annotations


class Partition:
    def __init__(self, n: int) -> None:
        self._parent = list(range(n))

    def find(self, i: int) -> int:
        parent = self._parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        self._parent[self.find(j)] = self.find(i)
