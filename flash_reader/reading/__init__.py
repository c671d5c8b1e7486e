"""Reading aids: furigana computed on the server once per item; read-aloud in the browser."""
