// Console module: filled in below.
