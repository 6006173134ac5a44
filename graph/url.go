package graph

import "net/url"

// redactURL hides a password in a database URL before it reaches a message.
func redactURL(s string) string {
	u, err := url.Parse(s)
	if err != nil {
		return "database"
	}
	return u.Redacted()
}
