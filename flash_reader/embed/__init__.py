"""For staff embedding the bulletin elsewhere: the widget, oEmbed, feeds out, security headers.

Served as plain HTTP routes beside the Reflex app (flash_reader/api.py): server-rendered,
tiny, no JavaScript, so a widget works at 240 px and in any CMS.
"""
