from napctl.cli import main

main()
