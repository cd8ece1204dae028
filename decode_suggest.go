package toml

import "strings"

// closestField returns the field key nearest to an unknown key, or "" if
// none is near enough to be a likely typo. Names are compared without
// case, and a name may be at most a third of the key's length away (at
// least one edit, but never the whole key).
func closestField(key string, fields *structFields) string {
	k := strings.ToLower(key)
	limit := max(1, len(k)/3)
	best, bestDist := "", limit+1
	for i := range fields.list {
		name := fields.list[i].name
		dist := editDistance(k, strings.ToLower(name))
		// A distance of 0 is the key itself, on a field that cannot
		// take it (an unexported embedded value): no help to suggest.
		if dist > 0 && dist < bestDist && dist < len(k) {
			best, bestDist = name, dist
			// An untagged Go name matches without case; suggest it in the
			// case the document writes its keys in.
			if !fields.list[i].tagged && key == k {
				best = strings.ToLower(name)
			}
		}
	}
	return best
}

// editDistance counts the insertions, deletions, substitutions and swaps
// of adjacent bytes that turn a into b (optimal string alignment), so
// that "verison" is one edit from "version".
func editDistance(a, b string) int {
	if len(a) > 64 || len(b) > 64 {
		// Typos are found in short names; long ones are not worth the
		// quadratic work.
		if a == b {
			return 0
		}
		return max(len(a), len(b))
	}
	prev2 := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}
