#include "config.h"

#include "cb-main.h"

int
main (int   argc,
      char *argv[])
{
  return cb_main (argc, argv);
}
