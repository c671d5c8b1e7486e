"""Server-rendered reader pages: what a URL asks for, the shared views, the HTML document."""
