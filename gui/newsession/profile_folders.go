package newsession

import (
	"cmp"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/tern-telnet/tern/gui/newsession/sessionlist"
	"github.com/tern-telnet/tern/profiles"
)

// Folders in the New session dialog: the session list groups saved
// sessions by their profile's folder; a session's menu (right click, or
// F2) moves it to a folder, a folder's menu (or F2 on its header) renames
// or moves the folder,
// and a session dragged onto another row goes to that row's folder.

// showFolders makes the panel's list show folders and act on them.
func (p *profilePanel) showFolders() {
	p.list.ShowFolders(sessionlist.FolderActions{
		FolderOf: func(id int) string {
			e := p.shown[id]
			if e.defaults || e.builtin {
				return ""
			}
			return profiles.CleanFolder(e.profile.Folder)
		},
		Filtering:      func() bool { return strings.TrimSpace(p.filter.Text) != "" },
		OnMove:         p.askFolder,
		OnRenameFolder: p.renameFolder,
		OnDrop:         p.dropInFolder,
	})
}

// savedEntry is entry id when it is one of the person's saved sessions.
func (p *profilePanel) savedEntry(id int) (profileEntry, bool) {
	if id < 0 || id >= len(p.shown) || p.shown[id].defaults || p.shown[id].builtin {
		p.message.SetText("Only your saved sessions go in folders; Default Settings and templates stay at the top.")
		return profileEntry{}, false
	}
	return p.shown[id], true
}

// askFolder asks which folder session id goes to (an existing one, or a
// new path typed), then moves it.
func (p *profilePanel) askFolder(id int) {
	e, ok := p.savedEntry(id)
	if !ok {
		return
	}
	file := p.host.Profiles()
	folder := widget.NewSelectEntry(file.Folders())
	folder.SetText(e.profile.Folder)
	folder.SetPlaceHolder("Site A/Core switches (empty: the top level)")
	p.host.Dialogs().Form("Move "+e.profile.Name+" to folder", "Move", []*widget.FormItem{widget.NewFormItem("Folder", folder)},
		func(ok bool) {
			if ok {
				p.moveToFolder(e.profile.Name, folder.Text)
			}
		}, fyne.NewSize(480, 200))
}

// dropInFolder is a session dragged onto a row of folder.
func (p *profilePanel) dropInFolder(id int, folder string) {
	if e, ok := p.savedEntry(id); ok && !strings.EqualFold(profiles.CleanFolder(e.profile.Folder), folder) {
		p.moveToFolder(e.profile.Name, folder)
	}
}

func (p *profilePanel) moveToFolder(name, folder string) {
	folder = profiles.CleanFolder(folder)
	where := "the top level"
	if folder != "" {
		where = "folder " + folder
	}
	kept, _ := p.current() // what the form holds stays selected, not the session dragged
	if p.update(func(f *profiles.File) error {
		if !f.Move(name, folder) {
			return fmt.Errorf("%q is no longer saved (another Tern window may have deleted it)", name)
		}
		return nil
	}, "Moved "+name+" to "+where+".") {
		p.keepSelected(kept.label())
	}
}

// renameFolder asks for a folder's new path ("/" separates folders; empty
// moves its sessions to the top level), then renames it.
func (p *profilePanel) renameFolder(old string) {
	name := widget.NewEntry()
	name.SetText(old)
	p.host.Dialogs().Form("Rename folder "+old, "Rename", []*widget.FormItem{widget.NewFormItem("Folder", name)},
		func(ok bool) {
			if !ok {
				return
			}
			kept, _ := p.current()
			to := profiles.CleanFolder(name.Text)
			p.update(func(f *profiles.File) error {
				f.RenameFolder(old, to)
				return nil
			}, fmt.Sprintf("Folder %s is now %s.", old, cmp.Or(to, "the top level")))
			p.keepSelected(kept.label())
		}, fyne.NewSize(480, 200))
}
