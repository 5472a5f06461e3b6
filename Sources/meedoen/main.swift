import MeedoenApp
