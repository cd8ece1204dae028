package main

import (
	"bytes"
	"fmt"
	"sort"
)

// unifiedDiff returns the unified diff (three lines of context) that turns
// old into new, under the names oldName and newName, or nil when they are
// equal. It is the same bytes on every run: no dates, and the alignment is
// a pure function of the texts.
//
// The alignment is anchored, as gofmt -d's is, so that it takes O(n log n)
// time on files of any size: lines that occur once in each text are
// matched along their longest increasing run, the equal lines next to
// each match are matched as far as they go, and what is left between two
// matches is shown as removed, then added.
func unifiedDiff(oldName, newName string, old, new []byte) []byte {
	if bytes.Equal(old, new) {
		return nil
	}
	a, b := splitLines(old), splitLines(new)
	var out bytes.Buffer
	fmt.Fprintf(&out, "--- %s\n+++ %s\n", oldName, newName)
	matches := alignLines(a, b)
	// Hunks: runs of differences with up to three equal lines around, two
	// runs sharing a hunk when at most six equal lines part them.
	const context = 3
	type edit struct{ a0, a1, b0, b1 int } // a[a0:a1] becomes b[b0:b1]
	var edits []edit
	i, j := 0, 0
	for _, m := range append(matches, [2]int{len(a), len(b)}) {
		if m[0] > i || m[1] > j {
			edits = append(edits, edit{i, m[0], j, m[1]})
		}
		i, j = m[0]+1, m[1]+1
	}
	for e := 0; e < len(edits); {
		first := e
		for e+1 < len(edits) && edits[e+1].a0-edits[e].a1 <= 2*context {
			e++
		}
		last := edits[e]
		e++
		a0 := max(edits[first].a0-context, 0)
		b0 := edits[first].b0 - (edits[first].a0 - a0)
		a1 := min(last.a1+context, len(a))
		b1 := last.b1 + (a1 - last.a1)
		fmt.Fprintf(&out, "@@ -%s +%s @@\n", hunkRange(a0, a1), hunkRange(b0, b1))
		ai := a0
		for _, ed := range edits[first:e] {
			for ; ai < ed.a0; ai++ {
				writeDiffLine(&out, ' ', a[ai])
			}
			for _, l := range a[ed.a0:ed.a1] {
				writeDiffLine(&out, '-', l)
			}
			for _, l := range b[ed.b0:ed.b1] {
				writeDiffLine(&out, '+', l)
			}
			ai = ed.a1
		}
		for ; ai < a1; ai++ {
			writeDiffLine(&out, ' ', a[ai])
		}
	}
	return out.Bytes()
}

// hunkRange writes a hunk's line range as unified diffs do: "start,count",
// with start the line before an empty range.
func hunkRange(from, to int) string {
	switch n := to - from; n {
	case 0:
		return fmt.Sprintf("%d,0", from)
	case 1:
		return fmt.Sprintf("%d", from+1)
	default:
		return fmt.Sprintf("%d,%d", from+1, n)
	}
}

// writeDiffLine writes one line of a hunk; a last line without an end of
// line is marked as diff marks it.
func writeDiffLine(out *bytes.Buffer, mark byte, line []byte) {
	out.WriteByte(mark)
	out.Write(line)
	if len(line) == 0 || line[len(line)-1] != '\n' {
		out.WriteString("\n\\ No newline at end of file\n")
	}
}

// splitLines splits text after each line feed, keeping it.
func splitLines(text []byte) [][]byte {
	var lines [][]byte
	for len(text) > 0 {
		i := bytes.IndexByte(text, '\n') + 1
		if i == 0 {
			i = len(text)
		}
		lines = append(lines, text[:i])
		text = text[i:]
	}
	return lines
}

// alignLines returns the pairs (i, j) of equal lines a[i] and b[j] that the
// diff keeps, in increasing order of both.
func alignLines(a, b [][]byte) [][2]int {
	var matches [][2]int
	// The equal lines at the start and the end are matched first.
	start := 0
	for start < len(a) && start < len(b) && bytes.Equal(a[start], b[start]) {
		matches = append(matches, [2]int{start, start})
		start++
	}
	endA, endB := len(a), len(b)
	for endA > start && endB > start && bytes.Equal(a[endA-1], b[endB-1]) {
		endA, endB = endA-1, endB-1
	}
	matches = append(matches, anchoredMatches(a, b, start, endA, start, endB)...)
	for k := 0; endA+k < len(a); k++ {
		matches = append(matches, [2]int{endA + k, endB + k})
	}
	return matches
}

// anchoredMatches aligns a[a0:a1] with b[b0:b1] through their unique lines.
func anchoredMatches(a, b [][]byte, a0, a1, b0, b1 int) [][2]int {
	type count struct{ inA, inB, atA, atB int }
	counts := make(map[string]*count)
	for i := a0; i < a1; i++ {
		c := counts[string(a[i])]
		if c == nil {
			c = &count{}
			counts[string(a[i])] = c
		}
		c.inA++
		c.atA = i
	}
	for j := b0; j < b1; j++ {
		if c := counts[string(b[j])]; c != nil {
			c.inB++
			c.atB = j
		}
	}
	// The unique pairs in a's order; the longest run of them increasing in
	// b too (patience sorting) are the anchors.
	var pairs [][2]int
	for i := a0; i < a1; i++ {
		if c := counts[string(a[i])]; c.inA == 1 && c.inB == 1 {
			pairs = append(pairs, [2]int{i, c.atB})
		}
	}
	anchors := longestIncreasing(pairs)
	// Around each anchor, equal neighbours are matched too.
	var matches [][2]int
	i, j := a0, b0
	for _, an := range append(anchors, [2]int{a1, b1}) {
		// Forward from the last match...
		for i < an[0] && j < an[1] && bytes.Equal(a[i], b[j]) {
			matches = append(matches, [2]int{i, j})
			i, j = i+1, j+1
		}
		// ...and backward from this anchor.
		back := 0
		for an[0]-back-1 >= i && an[1]-back-1 >= j && bytes.Equal(a[an[0]-back-1], b[an[1]-back-1]) {
			back++
		}
		for k := back; k > 0; k-- {
			matches = append(matches, [2]int{an[0] - k, an[1] - k})
		}
		if an[0] < a1 {
			matches = append(matches, an)
		}
		i, j = an[0]+1, an[1]+1
	}
	return matches
}

// longestIncreasing returns the longest subsequence of pairs (sorted by
// their first element) whose second elements increase.
func longestIncreasing(pairs [][2]int) [][2]int {
	var tails []int // tails[k]: index in pairs of the end of the best run of length k+1
	prev := make([]int, len(pairs))
	for p, pr := range pairs {
		k := sort.Search(len(tails), func(k int) bool { return pairs[tails[k]][1] >= pr[1] })
		if k > 0 {
			prev[p] = tails[k-1]
		} else {
			prev[p] = -1
		}
		if k == len(tails) {
			tails = append(tails, p)
		} else {
			tails[k] = p
		}
	}
	run := make([][2]int, len(tails))
	if len(tails) == 0 {
		return run
	}
	for k, p := len(tails)-1, tails[len(tails)-1]; k >= 0; k, p = k-1, prev[p] {
		run[k] = pairs[p]
	}
	return run
}
