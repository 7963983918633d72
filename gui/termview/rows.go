package termview

import (
	"image"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
)

// rowPicture is one row of the terminal's picture as its own raster,
// only as wide as the row's used part: a frame draws only what holds
// text (under a software renderer every pixel drawn costs), and a scroll
// moves rasters instead of uploading them again.
type rowPicture struct {
	raster *canvas.Raster
	img    *image.RGBA // exactly the used part of the row
	buf    []uint8
	h      int // pixels
	y      float32
}

func newRowPicture(h int) *rowPicture {
	rp := &rowPicture{h: h, y: -1}
	rp.img = image.NewRGBA(image.Rect(0, 0, 0, 0))
	rp.raster = canvas.NewRaster(func(int, int) image.Image { return rp.img })
	rp.raster.ScaleMode = canvas.ImageScalePixels
	rp.raster.Hide()
	return rp
}

// moveTo places the row (canvas units) without uploading it again.
func (rp *rowPicture) moveTo(y float32) {
	if rp.y != y {
		rp.y = y
		rp.raster.Move(fyne.NewPos(0, y))
	}
}

// show copies the first width pixels of row of img and uploads them.
func (rp *rowPicture) show(img *image.RGBA, row, width int, scale float32) {
	if width <= 0 {
		rp.raster.Hide()
		return
	}
	need := width * rp.h * 4
	if cap(rp.buf) < need {
		rp.buf = make([]uint8, need)
	}
	rp.img = &image.RGBA{Pix: rp.buf[:need], Stride: width * 4, Rect: image.Rect(0, 0, width, rp.h)}
	for y := range rp.h {
		src := img.Pix[(row*rp.h+y)*img.Stride:]
		copy(rp.img.Pix[y*width*4:(y+1)*width*4], src[:width*4])
	}
	rp.raster.Resize(fyne.NewSize(float32(width)/scale, float32(rp.h)/scale))
	rp.raster.Show()
	rp.raster.Refresh()
}
