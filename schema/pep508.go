package schema

import (
	"fmt"
	"strings"
)

// PEP 508 dependency specifiers ("requests[security] >= 2.8.1, == 2.8.*
// ; python_version < '2.7'"), by the grammar of the PyPA specification
// "Dependency specifiers", with each version clause checked as PEP 440
// says. Where packaging (what pip runs) accepts more than the grammar and
// the difference is a spelling rather than a meaning, this accepts it
// too: quoted strings in markers may hold any character but their quote,
// and the legacy dotted marker names (os.name, sys.platform,
// platform.machine, ...) are known.

// markerNames are the environment markers a specifier may compare:
// PEP 508's, the extras and dependency_groups of PEP 751, and the legacy
// spellings packaging still reads.
var markerNames = map[string]bool{
	"python_version": true, "python_full_version": true, "os_name": true,
	"sys_platform": true, "platform_release": true, "platform_system": true,
	"platform_version": true, "platform_machine": true,
	"platform_python_implementation": true, "implementation_name": true,
	"implementation_version": true, "extra": true, "extras": true,
	"dependency_groups": true,
	"os.name":           true, "sys.platform": true, "platform.version": true,
	"platform.machine": true, "platform.python_implementation": true,
	"python_implementation": true,
}

// maxMarkerNesting bounds the parentheses of a marker, so that a string
// of a million "(" is an error and not a million calls deep.
const maxMarkerNesting = 100

// checkRequirement checks a dependency specifier.
func checkRequirement(s string) error {
	return (&reqParser{s: s}).requirement()
}

// checkName checks a project or extra name: ASCII letters and digits,
// with '-', '_' and '.' between them.
func checkName(s string) error {
	p := &reqParser{s: s}
	if err := p.identifier("a name"); err != nil {
		return err
	}
	if p.i < len(s) {
		return p.errorf("a name may hold only letters, digits, '-', '_' and '.'")
	}
	return nil
}

type reqParser struct {
	s     string
	i     int
	depth int
}

// errorf reports a problem at the current character, counting from 1.
func (p *reqParser) errorf(format string, args ...any) error {
	at := len([]rune(p.s[:p.i])) + 1
	return fmt.Errorf(format+" (at character %d)", append(args, at)...)
}

func (p *reqParser) peek() byte {
	if p.i < len(p.s) {
		return p.s[p.i]
	}
	return 0
}

// ws skips blanks and reports whether there were any.
func (p *reqParser) ws() bool {
	start := p.i
	for p.i < len(p.s) && (p.s[p.i] == ' ' || p.s[p.i] == '\t') {
		p.i++
	}
	return p.i > start
}

// found names what is at the current character, for errors.
func (p *reqParser) found() string {
	if p.i >= len(p.s) {
		return "the end"
	}
	r := []rune(p.s[p.i:])[0]
	return fmt.Sprintf("%q", r)
}

// requirement = wsp* ( url_req | name_req ) wsp*
func (p *reqParser) requirement() error {
	p.ws()
	if err := p.identifier("a package name"); err != nil {
		return err
	}
	p.ws()
	if p.peek() == '[' {
		if err := p.extras(); err != nil {
			return err
		}
		p.ws()
	}
	next := "extras, a version, '@' and a URL, ';' and a marker, or the end"
	switch c := p.peek(); {
	case c == '@':
		// url_req: '@' wsp* URI; a marker after it needs a blank first,
		// since ';' may be part of a URL.
		p.i++
		p.ws()
		start := p.i
		for p.i < len(p.s) && p.s[p.i] != ' ' && p.s[p.i] != '\t' {
			p.i++
		}
		if p.i == start {
			return p.errorf("expected a URL after '@'")
		}
		if !p.ws() {
			return nil // the URL runs to the end
		}
		next = "';' and a marker, or the end"
	case c == '(':
		p.i++
		if err := p.versionMany(); err != nil {
			return err
		}
		p.ws()
		if p.peek() != ')' {
			return p.errorf("expected ',' or ')' after a version, found %s", p.found())
		}
		p.i++
		next = "';' and a marker, or the end"
	case strings.IndexByte("<>=!~", c) >= 0:
		if err := p.versionMany(); err != nil {
			return err
		}
		next = "',' and a version, ';' and a marker, or the end"
	}
	p.ws()
	if p.peek() == ';' {
		p.i++
		if err := p.marker(); err != nil {
			return err
		}
		p.ws()
		next = "'and', 'or' or the end of the marker"
	}
	if p.i < len(p.s) {
		return p.errorf("expected %s, found %s", next, p.found())
	}
	return nil
}

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// identifier = letterOrDigit ( ('-' | '_' | '.')* letterOrDigit )*
func (p *reqParser) identifier(what string) error {
	if !isAlnum(p.peek()) {
		return p.errorf("expected %s, found %s", what, p.found())
	}
	start := p.i
	for p.i < len(p.s) && (isAlnum(p.s[p.i]) || strings.IndexByte("-_.", p.s[p.i]) >= 0) {
		p.i++
	}
	if !isAlnum(p.s[p.i-1]) {
		p.i--
		return p.errorf("%s must end with a letter or digit: %q", what, p.s[start:p.i+1])
	}
	return nil
}

// extras = '[' wsp* ( identifier (wsp* ',' wsp* identifier)* )? wsp* ']'
func (p *reqParser) extras() error {
	p.i++ // '['
	p.ws()
	if p.peek() == ']' {
		p.i++
		return nil
	}
	for {
		if err := p.identifier("an extra's name"); err != nil {
			return err
		}
		p.ws()
		switch p.peek() {
		case ']':
			p.i++
			return nil
		case ',':
			p.i++
			p.ws()
		default:
			return p.errorf("expected ',' or ']' in the extras, found %s", p.found())
		}
	}
}

// versionMany = version_one (wsp* ',' version_one)*, each clause checked
// by PEP 440.
func (p *reqParser) versionMany() error {
	for {
		p.ws()
		op := ""
		for _, o := range pep440Operators {
			if strings.HasPrefix(p.s[p.i:], o) {
				op = o
				break
			}
		}
		if op == "" {
			return p.errorf("expected a comparison operator (==, !=, <=, >=, <, >, ~=, ===), found %s", p.found())
		}
		p.i += len(op)
		p.ws()
		start := p.i
		for p.i < len(p.s) && (isAlnum(p.s[p.i]) || strings.IndexByte("-_.*+!", p.s[p.i]) >= 0) {
			p.i++
		}
		if p.i == start {
			return p.errorf("expected a version after %s, found %s", op, p.found())
		}
		if err := checkSpecifier(op, p.s[start:p.i]); err != nil {
			p.i = start
			return p.errorf("%v", err)
		}
		save := p.i
		p.ws()
		if p.peek() != ',' {
			p.i = save
			return nil
		}
		p.i++
	}
}

// marker = marker_or; marker_or = marker_and (wsp* 'or' marker_and)*
func (p *reqParser) marker() error {
	p.depth++
	defer func() { p.depth-- }()
	if p.depth > maxMarkerNesting {
		return p.errorf("markers nested more than %d deep", maxMarkerNesting)
	}
	for {
		if err := p.markerAnd(); err != nil {
			return err
		}
		save := p.i
		p.ws()
		if !p.keyword("or") {
			p.i = save
			return nil
		}
	}
}

// marker_and = marker_expr (wsp* 'and' marker_expr)*
func (p *reqParser) markerAnd() error {
	for {
		if err := p.markerExpr(); err != nil {
			return err
		}
		save := p.i
		p.ws()
		if !p.keyword("and") {
			p.i = save
			return nil
		}
	}
}

// marker_expr = marker_var marker_op marker_var | wsp* '(' marker wsp* ')'
func (p *reqParser) markerExpr() error {
	p.ws()
	if p.peek() == '(' {
		p.i++
		if err := p.marker(); err != nil {
			return err
		}
		p.ws()
		if p.peek() != ')' {
			return p.errorf("expected ')', 'and' or 'or' in the marker, found %s", p.found())
		}
		p.i++
		return nil
	}
	if err := p.markerVar(); err != nil {
		return err
	}
	p.ws()
	switch {
	case p.keyword("in"):
	case p.keyword("not"):
		if !p.ws() || !p.keyword("in") {
			return p.errorf("expected 'in' after 'not'")
		}
	default:
		op := ""
		for _, o := range pep440Operators {
			if strings.HasPrefix(p.s[p.i:], o) {
				op = o
				break
			}
		}
		if op == "" {
			return p.errorf("expected a comparison (==, !=, <, >, <=, >=, ~=, ===, in, not in) in the marker, found %s", p.found())
		}
		p.i += len(op)
	}
	p.ws()
	return p.markerVar()
}

// marker_var = env_var | python_str
func (p *reqParser) markerVar() error {
	switch q := p.peek(); q {
	case '\'', '"':
		end := strings.IndexByte(p.s[p.i+1:], q)
		if end < 0 {
			return p.errorf("the quoted string is not closed")
		}
		p.i += end + 2
		return nil
	}
	start := p.i
	for p.i < len(p.s) && (isAlnum(p.s[p.i]) || p.s[p.i] == '_' || p.s[p.i] == '.') {
		p.i++
	}
	if name := p.s[start:p.i]; !markerNames[name] {
		p.i = start
		if name == "" {
			return p.errorf("expected a marker name or a quoted string, found %s", p.found())
		}
		return p.errorf("%q is not an environment marker", name)
	}
	return nil
}

// keyword consumes a word when it is there as a whole word.
func (p *reqParser) keyword(w string) bool {
	if !strings.HasPrefix(p.s[p.i:], w) {
		return false
	}
	if end := p.i + len(w); end < len(p.s) && (isAlnum(p.s[end]) || p.s[end] == '_' || p.s[end] == '.') {
		return false
	}
	p.i += len(w)
	return true
}
