//go:build windows

package connerr

// errnoFamilyOfOS is how this OS numbers socket errors.
const errnoFamilyOfOS = windowsErrnos
