from ninja import Router

router = Router(tags=["Kiểm tra, giám sát, kỷ luật"])
