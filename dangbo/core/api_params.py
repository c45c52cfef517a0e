"""Bounded types for API parameters and payload fields (the limits of core/validation.py).

Out of bounds answers 422 naming the parameter, and the bounds show in the OpenAPI schema:
    def list_things(request, year: Year | None = None, offset: Offset = 0, limit: Limit = 50)
"""
from decimal import Decimal
from typing import Annotated

from pydantic import Field

from dangbo.core import validation as v

Id = Annotated[int, Field(ge=1, le=v.ID_MAX)]
Year = Annotated[int, Field(ge=v.YEAR_MIN, le=v.YEAR_MAX)]
Ordinal = Annotated[int, Field(ge=1, le=v.ORDINAL_MAX)]  # khóa, đại hội lần thứ
Offset = Annotated[int, Field(ge=0, le=v.OFFSET_MAX)]
Limit = Annotated[int, Field(ge=1, le=v.LIMIT_MAX)]
SearchText = Annotated[str, Field(max_length=200)]
Amount = Annotated[Decimal, Field(ge=-v.DECIMAL_MAX, le=v.DECIMAL_MAX, allow_inf_nan=False)]
