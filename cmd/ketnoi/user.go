package main

import (
	"context"
	"errors"
	"fmt"
	"io"

	"ketnoi/internal/account"
	"ketnoi/internal/apperr"
)

func init() {
	register(command{"user", "manage accounts: user add --email … --role admin", runUser})
}

func runUser(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] != "add" {
		return errors.New("usage: ketnoi user add --email EMAIL --name NAME --role admin|user [--password P] [--db DB]")
	}
	fs := newFlagSet("user add", stderr)
	dsn := fs.String("db", envOr("KETNOI_DB", "ketnoi.db"), "database (KETNOI_DB)")
	email := fs.String("email", "", "email address (required)")
	name := fs.String("name", "Administrator", "display name")
	role := fs.String("role", "admin", "admin (platform administrator) or user")
	password := fs.String("password", "", "password; a random one is made and printed when empty")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	if *role != "admin" && *role != "user" {
		return fmt.Errorf("--role must be admin or user, not %q", *role)
	}
	pw := *password
	if pw == "" {
		pw = account.NewToken()[:16]
	}
	in := account.SignUp{Email: *email, Name: *name, Password: pw}
	if err := in.Validate(); err != nil {
		return err
	}
	hash, err := account.HashPassword(pw)
	if err != nil {
		return err
	}
	db, err := openDB(ctx, *dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	p := account.Person{Email: in.Email, Name: in.Name, Lang: in.Lang, PasswordHash: hash, IsAdmin: *role == "admin"}
	if err := db.CreatePerson(ctx, &p); err != nil {
		if apperr.Is(err, apperr.Conflict) {
			return fmt.Errorf("an account with email %s already exists", in.Email)
		}
		return err
	}
	fmt.Fprintf(stdout, "created %s (id %d, %s)\n", p.Email, p.ID, *role)
	if *password == "" {
		fmt.Fprintf(stdout, "password: %s\n", pw)
	}
	return nil
}
