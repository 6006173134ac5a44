package extract

import (
	"runtime"
	"sync"
)

// ExtractFiles extracts paths on up to workers goroutines (0 = number of
// CPUs) and calls emit once per path, in the order of paths, with that
// file's result or error. Order matters to `kgb extract`, whose JSON Lines
// must line up with its arguments; ordering costs little memory because at
// most a window of 2×workers results waits for a slower predecessor. emit
// runs on the caller's goroutine; an error from it stops the work.
func (x *Extractor) ExtractFiles(paths []string, workers int, emit func(path string, r *Result, err error) error) error {
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	type slot struct {
		res *Result
		err error
	}
	window := 2 * workers
	slots := make([]chan slot, len(paths))
	for i := range slots {
		slots[i] = make(chan slot, 1)
	}
	sem := make(chan struct{}, window) // bounds results waiting to be emitted
	stop := make(chan struct{})
	var wg sync.WaitGroup
	jobs := make(chan int)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				r, err := x.ExtractFile(paths[i])
				slots[i] <- slot{r, err}
			}
		}()
	}
	go func() {
		defer close(jobs)
		for i := range paths {
			select {
			case sem <- struct{}{}:
			case <-stop:
				return
			}
			select {
			case jobs <- i:
			case <-stop:
				return
			}
		}
	}()
	var err error
	for i := range paths {
		s := <-slots[i]
		<-sem
		if err = emit(paths[i], s.res, s.err); err != nil {
			break
		}
	}
	close(stop)
	wg.Wait()
	return err
}
