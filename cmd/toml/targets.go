package main

import (
	"io"
	"os"
	"runtime"
	"sync"
)

// readTargets reads each target and calls work with its index and its
// content (or the error that kept it from being read), on a pool of
// runtime.NumCPU() workers. Standard input is read here, once, before the
// workers start. work must be safe to call from several goroutines for
// different indexes.
func readTargets(targets []checkTarget, stdin io.Reader, work func(i int, data []byte, err error)) {
	var stdinData []byte
	var stdinErr error
	for _, t := range targets {
		if t.stdin {
			stdinData, stdinErr = io.ReadAll(stdin)
		}
	}
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.NumCPU(), len(targets)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				switch t := targets[i]; {
				case t.err != nil:
					work(i, nil, t.err)
				case t.stdin:
					work(i, stdinData, stdinErr)
				default:
					data, err := os.ReadFile(t.name)
					work(i, data, err)
				}
			}
		}()
	}
	for i := range targets {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
}
