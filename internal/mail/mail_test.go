package mail_test

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"ketnoi/internal/mail"
	"ketnoi/internal/mail/mailtest"
)

func TestSendThroughRealSMTP(t *testing.T) {
	sender, inbox := mailtest.MustServer(t)
	pdf := []byte("%PDF-1.4 badge")
	err := sender.Send(context.Background(), mail.Message{
		To:          []string{"an.nguyen@example.vn"},
		Subject:     "Xác nhận đăng ký — 등록 확인",
		Text:        "Chào anh An,\nThẻ của anh được đính kèm.",
		HTML:        "<p>Chào anh <b>An</b></p>",
		Attachments: []mail.Attachment{{Name: "the-tham-du.pdf", ContentType: "application/pdf", Data: pdf}},
	})
	if err != nil {
		t.Fatal(err)
	}
	m := inbox.Wait(t, "an.nguyen@example.vn", "Xác nhận đăng ký")
	if m.Subject != "Xác nhận đăng ký — 등록 확인" || !strings.Contains(m.Text, "Thẻ của anh được đính kèm") || !strings.Contains(m.HTML, "<b>An</b>") {
		t.Fatalf("message %+v", m)
	}
	if len(m.Attachments) != 1 || m.Attachments[0].Name != "the-tham-du.pdf" || !bytes.Equal(m.Attachments[0].Data, pdf) {
		t.Fatalf("attachments %+v", m.Attachments)
	}
}

func TestComposeRefusesBadRecipients(t *testing.T) {
	if _, err := mail.Compose("k <k@x.vn>", mail.Message{To: []string{"not an address"}}, time.Now()); err == nil {
		t.Fatal("bad recipient accepted")
	}
	s := &mail.SMTP{Addr: "127.0.0.1:1", From: "k <k@x.vn>", Timeout: time.Second}
	if err := s.Send(context.Background(), mail.Message{To: []string{"a@b.vn"}, Subject: "x", Text: "x"}); err == nil {
		t.Fatal("send to a closed port succeeded")
	}
}
