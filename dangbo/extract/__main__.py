"""python -m dangbo.extract FILE... --json OUTDIR"""
import sys

from .cli import main

sys.exit(main())
