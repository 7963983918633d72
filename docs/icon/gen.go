//go:build ignore

// gen draws Icon.png: a rounded terminal window in deep teal with a bright
// prompt chevron and cursor, and a tern (a forked-tail sea bird) crossing
// the title bar. Run: go run docs/icon/gen.go
package main

import (
	"image"
	"image/color"
	"image/png"
	"math"
	"os"
)

const size = 512

func main() {
	img := image.NewNRGBA(image.Rect(0, 0, size, size))
	for y := 0; y < size; y++ {
		for x := 0; x < size; x++ {
			img.Set(x, y, pixel(float64(x)+0.5, float64(y)+0.5))
		}
	}
	f, err := os.Create("Icon.png")
	if err != nil {
		panic(err)
	}
	defer f.Close()
	if err := png.Encode(f, img); err != nil {
		panic(err)
	}
}

// coverage of a shape given its signed distance d (negative inside).
func cover(d float64) float64 { return math.Max(0, math.Min(1, 0.5-d)) }

func roundedRect(x, y, x0, y0, x1, y1, r float64) float64 {
	cx, cy := math.Max(x0+r-x, math.Max(0, x-(x1-r))), math.Max(y0+r-y, math.Max(0, y-(y1-r)))
	return math.Hypot(math.Max(cx, 0), math.Max(cy, 0)) - r
}

func segment(x, y, ax, ay, bx, by float64) float64 {
	px, py, dx, dy := x-ax, y-ay, bx-ax, by-ay
	t := math.Max(0, math.Min(1, (px*dx+py*dy)/(dx*dx+dy*dy)))
	return math.Hypot(px-t*dx, py-t*dy)
}

type rgba struct{ r, g, b, a float64 }

func over(dst rgba, c rgba, a float64) rgba {
	a *= c.a
	return rgba{dst.r*(1-a) + c.r*a, dst.g*(1-a) + c.g*a, dst.b*(1-a) + c.b*a, dst.a + a*(1-dst.a)}
}

func pixel(x, y float64) color.NRGBA {
	var p rgba
	// window body: teal to navy
	body := roundedRect(x, y, 24, 40, 488, 472, 64)
	t := (y - 40) / 432
	bg := rgba{0.05 + 0.0*t, 0.42 - 0.25*t, 0.52 - 0.22*t, 1}
	p = over(p, bg, cover(body))
	// title bar
	bar := math.Max(roundedRect(x, y, 24, 40, 488, 472, 64), y-132)
	p = over(p, rgba{0.93, 0.97, 0.98, 1}, cover(bar))
	// prompt chevron ">"
	chev := math.Min(segment(x, y, 104, 212, 196, 284), segment(x, y, 196, 284, 104, 356)) - 26
	p = over(p, rgba{1, 0.80, 0.25, 1}, cover(chev))
	// cursor block "_"
	cur := roundedRect(x, y, 236, 336, 404, 380, 14)
	p = over(p, rgba{1, 1, 1, 1}, cover(cur))
	// a tern in the title bar: two swept wings and a forked tail
	wing := math.Min(
		segment(x, y, 250, 86, 330, 58),
		segment(x, y, 250, 86, 178, 62))
	body2 := segment(x, y, 232, 86, 272, 88)
	tail := math.Min(segment(x, y, 232, 86, 206, 104), segment(x, y, 232, 86, 214, 110))
	bird := math.Min(math.Min(wing-9, body2-11), tail-5)
	p = over(p, rgba{0.06, 0.22, 0.30, 1}, cover(bird))
	if p.a == 0 {
		return color.NRGBA{}
	}
	return color.NRGBA{uint8(p.r / p.a * 255 * p.a / p.a), uint8(p.g / p.a * 255), uint8(p.b / p.a * 255), uint8(p.a * 255)}
}
