package glcheck

import (
	"errors"
	"runtime"
	"unsafe"

	"golang.org/x/sys/windows"
)

// newline is Notepad's.
const newline = "\r\n"

// advice says what to do on Windows.
const advice = "What to do:\n" +
	"- install or update this computer's graphics driver; or\n" +
	"- put Mesa's software OpenGL beside Tern.exe: from a release of mesa-dist-win " +
	"(github.com/pal1000/mesa-dist-win), copy the .dll files of its x64 folder " +
	"(opengl32.dll, libgallium_wgl.dll and any others there) into the folder that holds Tern.exe, " +
	"then start Tern again.\n"

var (
	user32   = windows.NewLazySystemDLL("user32.dll")
	gdi32    = windows.NewLazySystemDLL("gdi32.dll")
	opengl32 = windows.NewLazyDLL("opengl32.dll") // beside Tern.exe first, as Mesa's is placed
)

type wndClassEx struct {
	size, style            uint32
	wndProc                uintptr
	clsExtra, wndExtra     int32
	instance, icon, cursor windows.Handle
	background             windows.Handle
	menuName, className    *uint16
	iconSm                 windows.Handle
}

type pixelFormatDescriptor struct {
	size, version                                       uint16
	flags                                               uint32
	pixelType, colorBits                                byte
	redBits, redShift, greenBits, greenShift            byte
	blueBits, blueShift, alphaBits, alphaShift          byte
	accumBits, accumRed, accumGreen, accumBlue, accumA  byte
	depthBits, stencilBits, auxBuffers, layerType, resv byte
	layerMask, visibleMask, damageMask                  uint32
}

const (
	pfdDrawToWindow  = 0x4
	pfdSupportOpenGL = 0x20
	pfdDoubleBuffer  = 0x1
	glVersion        = 0x1F02
	glRenderer       = 0x1F01
)

// systemVersion asks Windows' OpenGL, as GLFW will: a hidden window, a
// pixel format for OpenGL, a legacy context, then GL_VERSION and
// GL_RENDERER. Windows without a graphics driver answers "1.1.0" from
// "GDI Generic".
func systemVersion() (version, renderer string, err error) {
	runtime.LockOSThread() // a GL context belongs to a thread
	defer runtime.UnlockOSThread()
	if err := opengl32.Load(); err != nil {
		return "", "", err
	}
	var inst windows.Handle
	if err := windows.GetModuleHandleEx(0, nil, &inst); err != nil {
		return "", "", err
	}
	class, _ := windows.UTF16PtrFromString("TernOpenGLCheck")
	wc := wndClassEx{wndProc: user32.NewProc("DefWindowProcW").Addr(), instance: inst, className: class}
	wc.size = uint32(unsafe.Sizeof(wc))
	if r, _, e := user32.NewProc("RegisterClassExW").Call(uintptr(unsafe.Pointer(&wc))); r == 0 {
		return "", "", e
	}
	defer user32.NewProc("UnregisterClassW").Call(uintptr(unsafe.Pointer(class)), uintptr(inst))
	hwnd, _, e := user32.NewProc("CreateWindowExW").Call(0, uintptr(unsafe.Pointer(class)), uintptr(unsafe.Pointer(class)), 0, 0, 0, 1, 1, 0, 0, uintptr(inst), 0)
	if hwnd == 0 {
		return "", "", e
	}
	defer user32.NewProc("DestroyWindow").Call(hwnd)
	dc, _, _ := user32.NewProc("GetDC").Call(hwnd)
	if dc == 0 {
		return "", "", errors.New("glcheck: no device context")
	}
	defer user32.NewProc("ReleaseDC").Call(hwnd, dc)
	return contextVersion(dc)
}

// contextVersion makes a legacy OpenGL context on dc and reads its strings.
func contextVersion(dc uintptr) (version, renderer string, err error) {
	pfd := pixelFormatDescriptor{version: 1, flags: pfdDrawToWindow | pfdSupportOpenGL | pfdDoubleBuffer, colorBits: 32, depthBits: 24}
	pfd.size = uint16(unsafe.Sizeof(pfd))
	format, _, e := gdi32.NewProc("ChoosePixelFormat").Call(dc, uintptr(unsafe.Pointer(&pfd)))
	if format == 0 {
		return "", "", e
	}
	if r, _, e := gdi32.NewProc("SetPixelFormat").Call(dc, format, uintptr(unsafe.Pointer(&pfd))); r == 0 {
		return "", "", e
	}
	ctx, _, e := opengl32.NewProc("wglCreateContext").Call(dc)
	if ctx == 0 {
		return "", "", e
	}
	defer opengl32.NewProc("wglDeleteContext").Call(ctx)
	if r, _, e := opengl32.NewProc("wglMakeCurrent").Call(dc, ctx); r == 0 {
		return "", "", e
	}
	defer opengl32.NewProc("wglMakeCurrent").Call(0, 0)
	return glString(glVersion), glString(glRenderer), nil
}

func glString(name uintptr) string {
	p, _, _ := opengl32.NewProc("glGetString").Call(name)
	if p == 0 {
		return ""
	}
	return windows.BytePtrToString(*(**byte)(unsafe.Pointer(&p))) // p is C memory, not Go's
}

// nativeBox is MessageBoxW, which needs no OpenGL.
func nativeBox(title, text string) {
	t, _ := windows.UTF16PtrFromString(title)
	m, _ := windows.UTF16PtrFromString(text)
	windows.MessageBox(0, m, t, windows.MB_OK|windows.MB_ICONERROR|windows.MB_SETFOREGROUND)
}
