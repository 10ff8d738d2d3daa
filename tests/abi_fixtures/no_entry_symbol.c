/* A shared library that is not an opis plugin: no metadata, no entry. */
int not_an_opis_plugin(int x) {
  return x + 1;
}
