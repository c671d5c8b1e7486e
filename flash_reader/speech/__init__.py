"""Japanese speech made on the server, offline (issue 22): text → sentences → audio + cues."""
