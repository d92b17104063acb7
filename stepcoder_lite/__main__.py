from stepcoder_lite.cli import main

raise SystemExit(main())
