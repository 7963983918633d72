package fanout

import "testing"

func TestFanout(t *testing.T) {
	var f Fanout[int]
	a, stopA := f.Subscribe()
	b, _ := f.Subscribe()
	f.Lock(func(listening bool, send func(int)) {
		if !listening {
			t.Fatal("not listening")
		}
		send(1)
	})
	stopA()
	stopA()
	f.Close(func() []int { return []int{2} })
	f.Close(nil)
	if v := <-a; v != 1 {
		t.Fatalf("a got %d", v)
	}
	if _, ok := <-a; ok {
		t.Fatal("a open after stop")
	}
	for _, want := range []int{1, 2} {
		if v := <-b; v != want {
			t.Fatalf("b got %d, want %d", v, want)
		}
	}
	if _, ok := <-b; ok {
		t.Fatal("b open after Close")
	}
	if c, _ := f.Subscribe(); c == nil {
		t.Fatal("nil channel")
	} else if _, ok := <-c; ok {
		t.Fatal("subscription after Close is open")
	}
}

func TestSendWithoutListenerNeverBlocks(t *testing.T) {
	f := Fanout[int]{Buffer: 1}
	c, _ := f.Subscribe()
	f.Lock(func(_ bool, send func(int)) {
		for i := range 10 {
			send(i)
		}
	})
	if v := <-c; v != 0 {
		t.Fatalf("got %d", v)
	}
}
