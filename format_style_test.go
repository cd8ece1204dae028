package toml

import (
	"fmt"
	"sort"
	"strings"
	"testing"
)

// TestFormatStyleFollowsCorpus recounts, over the real-world corpus, the
// figures that Format's doc comment gives for each rule of its layout, and
// fails if a rule is no longer what most files do. Each file counts once
// per rule, for the form it uses most; run with -v to see the counts.
func TestFormatStyleFollowsCorpus(t *testing.T) {
	inputs := corpusInputs(t)
	if len(inputs) == 0 {
		t.Skip("the rules are counted on the real-world corpus, which is not here")
	}
	votes := make(map[string]map[string]int) // rule -> form -> files
	uses := make(map[string]map[string]int)  // rule -> form -> occurrences
	for _, src := range inputs {
		forms := styleForms(src)
		for rule, counts := range forms {
			if votes[rule] == nil {
				votes[rule], uses[rule] = make(map[string]int), make(map[string]int)
			}
			best, bestN := "", 0
			for form, n := range counts {
				uses[rule][form] += n
				if n > bestN || n == bestN && form < best {
					best, bestN = form, n
				}
			}
			votes[rule][best]++
		}
	}
	// Format's choice for each rule.
	want := map[string]string{
		"blanks around =":                   `" = "`,
		"indentation of keys":               "none",
		"indentation of headers":            "none",
		"blank line before a header":        "yes",
		"blank line after a header":         "no",
		"two blank lines in a row":          "never",
		"trailing blanks":                   "no",
		"end of the file":                   "one line ending",
		"blanks in a header":                "no",
		"blanks in a dotted key":            "no",
		"blanks before a comment":           "1",
		"blanks inside an array's brackets": "no",
		"after a comma":                     `" "`,
		"blanks inside an inline table":     "yes",
		"empty inline table":                "{}",
		"indentation of elements":           `"    "`,
		"trailing comma":                    "yes",
		"after the opening bracket":         "nothing or a comment",
		"closing bracket":                   "own line, indented as the opening line",
		"elements on a line":                "one",
	}
	rules := make([]string, 0, len(want))
	for rule := range want {
		rules = append(rules, rule)
	}
	sort.Strings(rules)
	for _, rule := range rules {
		t.Logf("%-34s files %s; occurrences %s", rule, ranked(votes[rule]), ranked(uses[rule]))
		top := ""
		for form, n := range votes[rule] {
			if top == "" || n > votes[rule][top] || n == votes[rule][top] && form < top {
				top = form
			}
		}
		if top != want[rule] {
			t.Errorf("%s: Format uses %s, but most files use %s (files: %s)", rule, want[rule], top, ranked(votes[rule]))
		}
	}
}

func ranked(counts map[string]int) string {
	forms := make([]string, 0, len(counts))
	for form := range counts {
		forms = append(forms, form)
	}
	sort.Slice(forms, func(i, j int) bool {
		if counts[forms[i]] != counts[forms[j]] {
			return counts[forms[i]] > counts[forms[j]]
		}
		return forms[i] < forms[j]
	})
	var b strings.Builder
	for i, form := range forms {
		if i == 4 {
			fmt.Fprintf(&b, "...")
			break
		}
		fmt.Fprintf(&b, "%s:%d ", form, counts[form])
	}
	return b.String()
}

// styleForms counts, in one document, the forms it uses for each rule.
func styleForms(src string) map[string]map[string]int {
	forms := make(map[string]map[string]int)
	count := func(rule, form string) {
		if forms[rule] == nil {
			forms[rule] = make(map[string]int)
		}
		forms[rule][form]++
	}
	var prev []stmtKind
	for at := 0; at < len(src); {
		s := scanStmt(src, at)
		indent := src[s.start:s.body]
		count("trailing blanks", yesNo(strings.TrimRight(src[s.start:s.newline], " \t") != src[s.start:s.newline]))
		switch s.kind {
		case stmtKeyval:
			count("blanks around =", fmt.Sprintf("%q", src[s.key.End:s.value.Start]))
			count("indentation of keys", indentForm(indent))
			if s.hasComment() {
				count("blanks before a comment", fmt.Sprint(s.comment.Start-s.end))
			}
			if key := src[s.key.Start:s.key.End]; strings.Contains(key, ".") && !strings.ContainsAny(key, `"'`) {
				count("blanks in a dotted key", yesNo(strings.ContainsAny(key, " \t")))
			}
			if c := src[s.value.Start]; c == '[' || c == '{' {
				toks := scanBracketed(src, s.value.Start, nil)
				bracketForms(src, toks, 0, indent, count)
			}
		case stmtTable, stmtArrayTable:
			count("indentation of headers", indentForm(indent))
			count("blanks in a header", yesNo(strings.ContainsAny(src[s.body:s.end], " \t")))
			k := len(prev) - 1
			for k >= 0 && prev[k] == stmtComment {
				k--
			}
			if k >= 0 {
				count("blank line before a header", yesNo(prev[k] == stmtBlank))
			}
			if s.next < len(src) {
				count("blank line after a header", yesNo(scanStmt(src, s.next).kind == stmtBlank))
			}
		case stmtBlank:
			if len(prev) > 0 && prev[len(prev)-1] == stmtBlank {
				count("two blank lines in a row", "sometimes")
			}
		}
		prev = append(prev, s.kind)
		at = s.next
	}
	if len(prev) > 1 && forms["two blank lines in a row"] == nil {
		count("two blank lines in a row", "never")
	}
	switch {
	case src == "":
	case !strings.HasSuffix(src, "\n"):
		count("end of the file", "no line ending")
	case strings.HasSuffix(src, "\n\n") || strings.HasSuffix(src, "\n\r\n"):
		count("end of the file", "blank lines")
	default:
		count("end of the file", "one line ending")
	}
	return forms
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

func indentForm(indent string) string {
	if indent == "" {
		return "none"
	}
	return fmt.Sprintf("%q", indent)
}

// bracketForms counts the forms of the array or inline table whose
// opening token is toks[open], and of those it holds; indent is the
// indentation of the line it opens on.
func bracketForms(src string, toks []tok, open int, indent string, count func(rule, form string)) {
	o := toks[open]
	closing := toks[o.close]
	table := src[o.span.Start] == '{'
	inner := src[o.span.End:closing.span.Start]
	switch {
	case table && o.close == open+1:
		count("empty inline table", src[o.span.Start:closing.span.End])
	case table && !o.multiline:
		count("blanks inside an inline table", yesNo(strings.HasPrefix(inner, " ") && strings.HasSuffix(inner, " ")))
	case !table && !o.multiline && o.close > open+1:
		count("blanks inside an array's brackets", yesNo(strings.HasPrefix(inner, " ") || strings.HasSuffix(inner, " ")))
	}
	lastValue, perLine, several := -1, 0, false
	children(toks, open, func(k int) {
		t := toks[k]
		switch t.kind {
		case tokComma:
			if k+1 < o.close {
				if next := toks[k+1]; next.kind != tokNewline && next.kind != tokComment && next.kind != tokClose {
					count("after a comma", fmt.Sprintf("%q", src[t.span.End:next.span.Start]))
				}
			}
		case tokNewline:
			perLine = 0
			if !table && k+1 < o.close {
				if next := toks[k+1]; next.kind == tokValue || next.kind == tokOpen {
					count("indentation of elements", fmt.Sprintf("%q", strings.TrimPrefix(src[t.span.End:next.span.Start], indent)))
				}
			}
		case tokValue, tokOpen:
			lastValue = k
			if perLine++; perLine > 1 && !table {
				several = true
			}
			if t.kind == tokOpen {
				bracketForms(src, toks, k, indent, count)
			}
		}
	})
	if table || !o.multiline || lastValue < 0 {
		return
	}
	trailing := false
	for k := lastValue + 1; k < o.close; k++ {
		if toks[k].kind == tokOpen {
			k = toks[k].close
		}
		trailing = trailing || toks[k].kind == tokComma
	}
	count("trailing comma", yesNo(trailing))
	first := toks[open+1].kind
	if first == tokNewline || first == tokComment {
		count("after the opening bracket", "nothing or a comment")
	} else {
		count("after the opening bracket", "an element")
	}
	if before := toks[o.close-1]; before.kind == tokNewline && src[before.span.End:closing.span.Start] == indent {
		count("closing bracket", "own line, indented as the opening line")
	} else {
		count("closing bracket", "elsewhere")
	}
	if several {
		count("elements on a line", "several")
	} else {
		count("elements on a line", "one")
	}
}
