// TextTools (character classes, word lists, numerals) is the layer every
// reader of this module stands on: imported once here for every file, so a new
// reader needs no import of its own.
@_exported import TextTools
