"""Quick exit ("Exit this page"): a control on every page that leaves for a neutral site.

It has no macro: the theme renders it in the header from the plugin's
`quick_exit` options (microsite/theme/partials/quick-exit.html), quick_exit.js
adds the Shift shortcut and the cover, and microsite/theme/microsite/layout.html
keeps a returning tab covered before the page is drawn. examples.yaml lists the
option sets the tests build.
"""
