package paint

import (
	"image"
	"image/color"
	"image/draw"
)

// Box-drawing and block characters are drawn by hand so that lines meet
// across cells whatever the font's line height, as PuTTY and xterm do.
// Each line character is four arm weights, up, down, left and right:
// 0 none, 1 light, 2 heavy, 3 double. Dashed lines are drawn solid and
// rounded corners square.
var boxArms = func() map[rune][4]uint8 {
	arms := map[rune][4]uint8{}
	put := func(first rune, codes string) {
		for i := 0; i+4 <= len(codes); i += 5 {
			arms[first+rune(i/5)] = [4]uint8{codes[i] - '0', codes[i+1] - '0', codes[i+2] - '0', codes[i+3] - '0'}
		}
	}
	// U+2500 ─ to U+254F ╏, in code point order.
	put(0x2500, "0011 0022 1100 2200 0011 0022 1100 2200 0011 0022 1100 2200 "+
		"0101 0102 0201 0202 0110 0120 0210 0220 1001 1002 2001 2002 1010 1020 2010 2020 "+
		"1101 1102 2101 1201 2201 2102 1202 2202 1110 1120 2110 1210 2210 2120 1220 2220 "+
		"0111 0121 0112 0122 0211 0221 0212 0222 1011 1021 1012 1022 2011 2021 2012 2022 "+
		"1111 1121 1112 1122 2111 1211 2211 2121 2112 1221 1212 2122 1222 2221 2212 2222 "+
		"0011 0022 1100 2200")
	// U+2550 ═ to U+2570 ╰.
	put(0x2550, "0033 3300 0103 0301 0303 0130 0310 0330 1003 3001 3003 1030 3010 3030 "+
		"1103 3301 3303 1130 3310 3330 0133 0311 0333 1033 3011 3033 1133 3311 3333 "+
		"0101 0110 1010 1001")
	// U+2574 ╴ to U+257F ╿.
	put(0x2574, "0010 1000 0001 0100 0020 2000 0002 0200 0012 1200 0021 2100")
	return arms
}()

// drawBox draws a line or block character into mask, reporting whether r
// is one.
func drawBox(mask *image.Alpha, r rune) bool {
	if arms, ok := boxArms[r]; ok {
		drawArms(mask, arms)
		return true
	}
	return drawBlock(mask, r)
}

func drawArms(mask *image.Alpha, arms [4]uint8) {
	b := mask.Bounds()
	w, h := b.Dx(), b.Dy()
	light := max(1, (w+4)/8)
	cx, cy := w/2, h/2
	on := func(x0, y0, x1, y1 int) {
		draw.Draw(mask, image.Rect(x0, y0, x1, y1), image.Opaque, image.Point{}, draw.Src)
	}
	// Each arm runs from the cell's edge to the far side of the lines
	// crossing it (so ┌'s arms meet with no spur past the corner), or to
	// the centre when none does.
	vlo, vhi := spanOf(arms[0], arms[1], light)
	hlo, hhi := spanOf(arms[2], arms[3], light)
	for i, weight := range arms {
		if weight == 0 {
			continue
		}
		t := thickness(weight, light)
		for _, off := range offsets(weight, light) {
			switch i {
			case 0: // up
				on(cx+off-t/2, 0, cx+off-t/2+t, cy+hhi)
			case 1: // down
				on(cx+off-t/2, cy+hlo, cx+off-t/2+t, h)
			case 2: // left
				on(0, cy+off-t/2, cx+vhi, cy+off-t/2+t)
			case 3: // right
				on(cx+vlo, cy+off-t/2, w, cy+off-t/2+t)
			}
		}
	}
}

// thickness is the width of one line of an arm of the given weight.
func thickness(weight uint8, light int) int {
	if weight == 2 {
		return 2 * light
	}
	return light
}

// spanOf is where the lines of two opposite arms lie across the centre
// (from lo to hi, hi excluded); a single light line's place when there
// are none.
func spanOf(a, b uint8, light int) (lo, hi int) {
	lo, hi = -light/2, light-light/2
	first := true
	for _, weight := range [2]uint8{a, b} {
		if weight == 0 {
			continue
		}
		t := thickness(weight, light)
		for _, off := range offsets(weight, light) {
			if first || off-t/2 < lo {
				lo = off - t/2
			}
			if first || off-t/2+t > hi {
				hi = off - t/2 + t
			}
			first = false
		}
	}
	return lo, hi
}

// offsets are the positions of an arm's lines across the centre: one,
// or two for a double line.
func offsets(weight uint8, light int) []int {
	if weight == 3 {
		return []int{-light - 1, light + 1}
	}
	return []int{0}
}

// drawBlock draws the block elements U+2580 to U+2595.
func drawBlock(mask *image.Alpha, r rune) bool {
	b := mask.Bounds()
	w, h := b.Dx(), b.Dy()
	fill := func(x0, y0, x1, y1 int, a uint8) {
		draw.Draw(mask, image.Rect(x0, y0, x1, y1), image.NewUniform(color.Alpha{a}), image.Point{}, draw.Src)
	}
	switch {
	case r == 0x2580: // upper half
		fill(0, 0, w, h/2, 255)
	case r >= 0x2581 && r <= 0x2588: // lower eighths, then the full block
		fill(0, h-h*int(r-0x2580)/8, w, h, 255)
	case r >= 0x2589 && r <= 0x258f: // left seven eighths down to one
		fill(0, 0, w*int(0x2590-r)/8, h, 255)
	case r == 0x2590: // right half
		fill(w/2, 0, w, h, 255)
	case r >= 0x2591 && r <= 0x2593: // light, medium and dark shade
		fill(0, 0, w, h, uint8(64*(r-0x2590)))
	case r == 0x2594: // upper eighth
		fill(0, 0, w, max(1, h/8), 255)
	case r == 0x2595: // right eighth
		fill(w-max(1, w/8), 0, w, h, 255)
	default:
		return false
	}
	return true
}
