//go:build linux && !wayland && cgo

package fasttick

import (
	"errors"
	"fmt"
	"reflect"
	"runtime/debug"
	"sync"
	"unsafe"

	"fyne.io/fyne/v2"
)

// The reach into Fyne's desktop driver (fyne.io/fyne/v2 v2.7.2,
// internal/driver/glfw): its per-tick draw, its queue of UI calls, its
// quit channel and animation state. Nothing here is read or written
// before reach has checked, at run time, everything it can:
//   - the module: this binary's build information names Fyne WrittenFor,
//     with its go.sum hash, not replaced (checkBuild);
//   - the queue: the real types of funcQueue (*async.UnboundedChan of
//     glfw.funcData) are found in this binary by name (reflect's type
//     links) and compared, field by field, with the copies below
//     (sameLayout), then its channels' capacities;
//   - the driver: its type's name, and the quit channel and animation
//     fields by name and type through reflect on the running driver.
//
// What reflect cannot show is the type of the variable funcQueue itself
// and drawSingleFrame's signature; those are tied to the checked module:
// an unchanged v2.7.2 declares them as used here.

// funcData and unboundedChan copy the driver's queue of UI calls
// (internal/driver/glfw/loop.go, internal/async/chan.go); blank fields
// are never read. queueType and queueElem name the real ones.
type funcData struct {
	f    func()
	done chan struct{}
}

type unboundedChan struct {
	in, out chan funcData
	_       chan struct{} // close
	_       []funcData    // q
}

const (
	glfwPkg    = "fyne.io/fyne/v2/internal/driver/glfw"
	asyncPkg   = "fyne.io/fyne/v2/internal/async"
	driverType = glfwPkg + ".gLDriver"
	queueType  = "*async.UnboundedChan[" + glfwPkg + ".funcData]"
	queueElem  = "chan glfw.funcData"
	queueCap   = 16 // async.NewUnboundedChan's channels
)

//go:linkname funcQueue fyne.io/fyne/v2/internal/driver/glfw.funcQueue
var funcQueue *unboundedChan

// typesByString is reflect's lookup of the types this binary links by
// their string (pointers, channels, slices, maps, arrays); its signature
// is kept for programs outside the standard library (go.dev/issue/67401).
//
//go:linkname typesByString reflect.typesByString
func typesByString(s string) []unsafe.Pointer

// linkedType finds the type whose string is s and whose element is
// declared in pkg, or reports that this binary has none.
func linkedType(s, pkg string) (reflect.Type, error) {
	for _, p := range typesByString(s) {
		var probe any
		(*[2]unsafe.Pointer)(unsafe.Pointer(&probe))[0] = p // an interface's type word
		if t := reflect.TypeOf(probe); t.Elem().PkgPath() == pkg {
			return t, nil
		}
	}
	return nil, fmt.Errorf("fasttick: this binary has no type %s from %s", s, pkg)
}

// checkQueueTypes compares the driver's queue types with the copies.
func checkQueueTypes() error {
	q, err := linkedType(queueType, asyncPkg)
	if err != nil {
		return err
	}
	if err := sameLayout(q.Elem(), reflect.TypeFor[unboundedChan]()); err != nil {
		return err
	}
	c, err := linkedType(queueElem, glfwPkg)
	if err != nil {
		return err
	}
	return sameLayout(c, reflect.TypeFor[chan funcData]())
}

// checkQueue looks at the queue itself, once its types are checked.
func checkQueue() error {
	q := funcQueue
	if q == nil || q.in == nil || q.out == nil || cap(q.in) != queueCap || cap(q.out) != queueCap {
		return errors.New("fasttick: the driver's queue of UI calls is not made as v2.7.2 makes it")
	}
	return nil
}

// checkDriverType reports whether drv is Fyne's desktop driver.
func checkDriverType(drv fyne.Driver) error {
	t := reflect.TypeOf(drv)
	if t == nil || t.Kind() != reflect.Pointer || t.Elem().PkgPath()+"."+t.Elem().Name() != driverType {
		return fmt.Errorf("fasttick: the driver is %v, not Fyne's desktop driver", t)
	}
	return nil
}

// The driver's parts a rest looks at; set by findDriverParts.
var (
	driverDone <-chan struct{}
	animMu     *sync.RWMutex // guards animOn
	animOn     *bool         // the driver's animation runner is ticking
)

// findDriverParts locates the driver's quit channel and animation state
// by name and type.
func findDriverParts(drv fyne.Driver) error {
	d := reflect.ValueOf(drv).Elem()
	done := d.FieldByName("done")
	anim := d.FieldByName("animation")
	if !done.IsValid() || done.Type() != reflect.TypeFor[chan struct{}]() || anim.Kind() != reflect.Struct {
		return errors.New("fasttick: the driver has no done channel and animation runner as v2.7.2's has")
	}
	mu, on := anim.FieldByName("animationMutex"), anim.FieldByName("runnerStarted")
	if !mu.IsValid() || mu.Type() != reflect.TypeFor[sync.RWMutex]() || !on.IsValid() || on.Type() != reflect.TypeFor[bool]() {
		return errors.New("fasttick: the driver's animation runner is not laid out as v2.7.2's is")
	}
	driverDone = *(*chan struct{})(unsafe.Pointer(done.UnsafeAddr()))
	animMu = (*sync.RWMutex)(unsafe.Pointer(mu.UnsafeAddr()))
	animOn = (*bool)(unsafe.Pointer(on.UnsafeAddr()))
	return nil
}

// reach checks everything above for drv and, only if all of it holds,
// takes hold of the driver's parts. It reports every check that failed.
func reach(drv fyne.Driver) error {
	if err := checkDriverType(drv); err != nil {
		return err // the test driver, or a mobile one: nothing to explain
	}
	err := errors.Join(checkBuild(debug.ReadBuildInfo()), checkQueueTypes())
	if err != nil {
		return err
	}
	if err := checkQueue(); err != nil {
		return err
	}
	return findDriverParts(drv)
}
