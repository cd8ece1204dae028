// Package bench compares this TOML library with pelletier/go-toml v2 and
// BurntSushi/toml. It lives in its own module so that the library's go.mod
// names no competitor.
package bench
