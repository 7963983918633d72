// Command frameprobe is a bare Fyne window that changes one small thing
// -rate times a second: the floor any Fyne program pays per frame (Fyne
// repaints the whole window for any change), next to which Tern's cost of
// a slow stream is measured. -raster instead fills the window with one
// raster image re-uploaded at each frame, as Tern's terminal view does.
//
//	go run ./bench/frameprobe -rate 10
package main

import (
	"flag"
	"fmt"
	"image"
	"image/color"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

func main() {
	rate := flag.Int("rate", 10, "changes a second (0: none)")
	raster := flag.Bool("raster", false, "fill the window with a raster re-uploaded each frame")
	still := flag.Bool("still", false, "with -raster: the raster is drawn but never re-uploaded")
	rows := flag.Bool("rows", false, "fill the window with 34 row rasters that scroll up a row each frame (one row re-uploaded)")
	flag.String("port", "", "ignored: lets bench/feel.sh start the probe as it starts a client")
	flag.Parse()
	a := app.NewWithID("io.github.tern-telnet.frameprobe")
	w := a.NewWindow("frameprobe")
	label := widget.NewLabel("0")
	var content fyne.CanvasObject = container.NewVBox(label)
	img := image.NewRGBA(image.Rect(0, 0, 1180, 600))
	r := canvas.NewRaster(func(int, int) image.Image { return img })
	if *raster {
		content = container.NewBorder(label, nil, nil, nil, r)
	}
	var strips []*canvas.Raster
	if *rows {
		wrap := container.NewWithoutLayout()
		for i := range 34 {
			strip := image.NewRGBA(image.Rect(0, 0, 1180, 17))
			for x := range 1180 {
				strip.Set(x, i%17, color.White)
			}
			sr := canvas.NewRaster(func(int, int) image.Image { return strip })
			sr.Resize(fyne.NewSize(1180, 17))
			sr.Move(fyne.NewPos(0, float32(i*17)))
			strips = append(strips, sr)
			wrap.Add(sr)
		}
		content = container.NewBorder(label, nil, nil, nil, wrap)
	}
	w.SetContent(content)
	w.Resize(fyne.NewSize(1180, 700))
	if *rate > 0 {
		go func() {
			for i := 0; ; i++ {
				time.Sleep(time.Second / time.Duration(*rate))
				fyne.Do(func() {
					label.SetText(fmt.Sprint(i))
					if *raster && !*still {
						img.Set(i%1180, 10, color.White)
						r.Refresh()
					}
					if *rows {
						strips = append(strips[1:], strips[0])
						for j, sr := range strips {
							sr.Move(fyne.NewPos(0, float32(j*17)))
						}
						strips[len(strips)-1].Refresh()
					}
				})
			}
		}()
	}
	w.ShowAndRun()
}
