package toml

// SetStreamBatch sets how many elements of an array of tables Unmarshal
// decodes at a time while parsing, and returns a function that puts it
// back. Tests that run in parallel must not use it.
func SetStreamBatch(n int) (restore func()) {
	old := streamBatch
	streamBatch = n
	return func() { streamBatch = old }
}
