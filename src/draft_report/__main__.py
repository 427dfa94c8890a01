from draft_report.cli import main

main()
