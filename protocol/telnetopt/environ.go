package telnetopt

import (
	"maps"
	"slices"
	"strings"
)

// Variable is one variable that NEW-ENVIRON (RFC 1572) may tell a server.
// Only an exported one is ever sent (telnet's "environ export"); one that
// is not stays defined, listed and unsent.
type Variable struct {
	Name, Value string
	Export      bool
}

// Environ is a session's variables in name order, as telnet's "environ"
// command keeps them. USER is the auto-login user name, a well-known
// variable; the others are user variables. Its methods return a changed
// copy and never change the one they are called on.
type Environ []Variable

// EnvironOf is the variables of a session's settings: the auto-login user
// (USER, "" for none) and the profile's variables, all exported, and the
// variables defined but not exported. A USER in vars or unexported (what
// "environ" made of it) wins over user; vars win over unexported.
func EnvironOf(user string, vars, unexported map[string]string) Environ {
	all := map[string]Variable{}
	if user != "" {
		all["USER"] = Variable{"USER", user, true}
	}
	for k, v := range unexported {
		all[k] = Variable{k, v, false}
	}
	for k, v := range vars {
		all[k] = Variable{k, v, true}
	}
	e := slices.Collect(maps.Values(all))
	slices.SortFunc(e, func(a, b Variable) int { return strings.Compare(a.Name, b.Name) })
	return e
}

// Split is EnvironOf backwards for a session whose auto-login user is
// user: the exported variables and the unexported ones (nil maps when
// there are none), leaving out an exported USER that user gives anyway.
func (e Environ) Split(user string) (vars, unexported map[string]string) {
	for _, v := range e {
		switch {
		case v.Export && v.Name == "USER" && v.Value == user:
		case v.Export:
			vars = put(vars, v.Name, v.Value)
		default:
			unexported = put(unexported, v.Name, v.Value)
		}
	}
	return vars, unexported
}

func put(m map[string]string, k, v string) map[string]string {
	if m == nil {
		m = map[string]string{}
	}
	m[k] = v
	return m
}

// Lookup finds the variable name.
func (e Environ) Lookup(name string) (Variable, bool) {
	i := slices.IndexFunc(e, func(v Variable) bool { return v.Name == name })
	if i < 0 {
		return Variable{}, false
	}
	return e[i], true
}

// Define sets name to value, exported, as telnet's "environ define" does.
func (e Environ) Define(name, value string) Environ {
	out := slices.DeleteFunc(slices.Clone(e), func(v Variable) bool { return v.Name == name })
	i, _ := slices.BinarySearchFunc(out, name, func(v Variable, n string) int { return strings.Compare(v.Name, n) })
	return slices.Insert(out, i, Variable{name, value, true})
}

// Undefine removes name; ok is false when it was not defined.
func (e Environ) Undefine(name string) (out Environ, ok bool) {
	out = slices.DeleteFunc(slices.Clone(e), func(v Variable) bool { return v.Name == name })
	return out, len(out) != len(e)
}

// Exported marks name exported or not; ok is false when it is not defined.
func (e Environ) Exported(name string, export bool) (out Environ, ok bool) {
	out = slices.Clone(e)
	for i := range out {
		if out[i].Name == name {
			out[i].Export = export
			return out, true
		}
	}
	return out, false
}

// offered is what may be sent: the exported variables.
func (e Environ) offered() map[string]string {
	m := map[string]string{}
	for _, v := range e {
		if v.Export {
			m[v.Name] = v.Value
		}
	}
	return m
}
