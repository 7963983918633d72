//go:build !windows

package protocol

// errnoFamilyOfOS is how this OS numbers socket errors.
const errnoFamilyOfOS = posixErrnos
