package panel

import (
	"errors"

	"github.com/tern-telnet/tern/gui/widgets"
)

// A field that is wrong is brought into view with the keyboard in it as
// the assistant says what is wrong, so that the message never points at
// a field below the fold.

// fieldError is an error about one of the panel's fields.
type fieldError struct {
	field *widgets.EscEntry
	err   error
}

func (e *fieldError) Error() string { return e.err.Error() }
func (e *fieldError) Unwrap() error { return e.err }

// InField ties err (nil stays nil) to field.
func InField(field *widgets.EscEntry, err error) error {
	if err == nil {
		return nil
	}
	return &fieldError{field, err}
}

// SayWrong says what is wrong; when it is about a field, that field gets
// the keyboard and is scrolled into view.
func (b *Base) SayWrong(err error) {
	b.Say(err.Error())
	var fe *fieldError
	if errors.As(err, &fe) {
		b.showField(fe.field)
	}
}

// showField gives field the keyboard and brings it into view.
func (b *Base) showField(field *widgets.EscEntry) {
	if c := b.Window.Window().Canvas(); c != nil {
		c.Focus(field)
	}
	if b.FieldScroll != nil {
		scrollTo(b.FieldScroll, field)
	}
}
