import type { LocaleCatalog } from "../catalog-types.ts";

export const vi: LocaleCatalog = {
  locale: "vi",
  review: "machine-draft",
  texts: {
    status: {
      PENDING: "Đang chờ cập nhật đầu tiên từ đơn vị vận chuyển",
      NOT_FOUND: "Đơn vị vận chuyển chưa có thông tin mã vận đơn",
      INFO_RECEIVED: "Đã nhận thông tin vận chuyển",
      LABEL_CREATED: "Đã tạo vận đơn",
      IN_TRANSIT: "Đang vận chuyển",
      PICKED_UP: "Đơn vị vận chuyển đã lấy hàng",
      ARRIVED_AT_FACILITY: "Đã đến kho trung chuyển",
      DEPARTED_FACILITY: "Đã rời kho trung chuyển",
      EXPORT_CUSTOMS: "Đang làm thủ tục hải quan xuất khẩu",
      DEPARTED_ORIGIN_COUNTRY: "Đã rời quốc gia xuất phát",
      ARRIVED_DESTINATION_COUNTRY: "Đã đến quốc gia nhận hàng",
      IMPORT_CUSTOMS: "Đang làm thủ tục hải quan nhập khẩu",
      CUSTOMS_CLEARED: "Đã thông quan",
      HANDED_TO_LAST_MILE: "Đã bàn giao cho đơn vị vận chuyển nội địa",
      OUT_FOR_DELIVERY: "Đang giao hàng",
      AVAILABLE_FOR_PICKUP: "Sẵn sàng để nhận hàng",
      DELIVERED: "Giao hàng thành công",
      SIGNED: "Giao hàng thành công, đã ký nhận",
      LEFT_AT_SAFE_PLACE: "Đã giao tại vị trí an toàn",
      COLLECTED_BY_BUYER: "Người nhận đã lấy hàng",
      DELIVERY_FAILED: "Giao hàng không thành công",
      ADDRESS_ISSUE: "Giao hàng không thành công: vấn đề về địa chỉ",
      RECIPIENT_UNAVAILABLE: "Giao hàng không thành công: người nhận vắng mặt",
      REFUSED: "Người nhận từ chối nhận hàng",
      EXCEPTION: "Vận chuyển gặp sự cố",
      CUSTOMS_HELD: "Bị hải quan tạm giữ",
      DELAYED: "Bị chậm trễ",
      DAMAGED: "Bị hư hỏng trong quá trình vận chuyển",
      LOST: "Được báo cáo thất lạc",
      RETURNING_TO_SENDER: "Đang hoàn hàng về người gửi",
      RETURNED_TO_SENDER: "Đã hoàn hàng về người gửi",
      STALLED: "Không có cập nhật trong nhiều ngày làm việc",
      EXPIRED: "Kết thúc theo dõi mà không có cập nhật cuối cùng",
    },
    orderState: {
      PENDING: "Chờ thanh toán",
      READY_TO_SHIP: "Chờ lấy hàng",
      PARTIALLY_SHIPPED: "Đã gửi một phần",
      SHIPPED: "Đã gửi hàng",
      DELIVERED: "Đã giao",
      COMPLETED: "Hoàn thành",
      CANCEL_REQUESTED: "Đã yêu cầu hủy",
      CANCELLED: "Đã hủy",
      RETURN_REQUESTED: "Đã yêu cầu trả hàng",
      RETURNED: "Đã trả hàng",
    },
    milestone: {
      ORDER_SHIPPED:
        "Đơn hàng {orderId} của bạn đã được gửi qua {carrier}. Mã vận đơn: {trackingNumber}.",
      ARRIVED_IN_DESTINATION_COUNTRY:
        "Đơn hàng {orderId} đã đến quốc gia của bạn và sẽ sớm được bàn giao cho đơn vị vận chuyển nội địa.",
      CUSTOMS_HELD:
        "Đơn hàng {orderId} của bạn đang bị hải quan tạm giữ. Chúng tôi đang xử lý để hàng sớm được thông quan.",
      OUT_FOR_DELIVERY: "{carrier} sẽ giao đơn hàng {orderId} của bạn trong hôm nay.",
      AVAILABLE_FOR_PICKUP:
        "Đơn hàng {orderId} của bạn đã sẵn sàng để nhận{days, plural, =0 {.} other {. Vui lòng nhận hàng trong vòng # ngày.}}",
      DELIVERY_FAILED:
        "{carrier} chưa giao được đơn hàng {orderId} của bạn{attempts, plural, =0 {} other { (đã thử giao # lần)}}. Vui lòng kiểm tra địa chỉ hoặc liên hệ đơn vị vận chuyển.",
      DELIVERED:
        "Đơn hàng {orderId} của bạn đã được giao thành công. Chúc bạn hài lòng với sản phẩm!",
      DELAYED:
        "Đơn hàng {orderId} của bạn bị chậm trễ{days, plural, =0 {} other { khoảng # ngày}}. Xin lỗi vì đã để bạn phải chờ.",
      RETURNING_TO_SENDER: "Đơn hàng {orderId} của bạn đang được hoàn về người bán.",
    },
    eta: {
      lane: "Dựa trên {count, plural, other {#}} lần giao trên tuyến {lane}",
      shrunk:
        "Tuyến này có ít lần giao nên được ước tính chung với {lane} ({count, plural, other {#}} lần giao)",
      priorPromise:
        "Chưa có nhiều lịch sử: bắt đầu từ khung thời gian sàn đã hứa ({from}–{to} ngày làm việc)",
      priorChannel: "Chưa có nhiều lịch sử: bắt đầu từ {source} ({from}–{to} ngày làm việc)",
      priorCarrier:
        "Chưa có nhiều lịch sử: bắt đầu từ thời gian công bố của hãng vận chuyển, {source} ({from}–{to} ngày làm việc)",
      priorDefault:
        "Chưa có nhiều lịch sử: bắt đầu từ giá trị mặc định của trackline ({from}–{to} ngày làm việc)",
      businessDays: "Tính theo ngày làm việc của {country}: không tính cuối tuần và ngày lễ",
      holidayOrigin: "Chờ ở nơi gửi đến sau {holiday} ({date})",
      holidayDestination: "Không tính {holiday} ({date}) ở nơi nhận",
      from: "Tính từ {point, select, ORDERED {ngày đặt hàng} SHIPPED {lúc bàn giao cho hãng vận chuyển} other {mốc gần nhất}}, {date}",
      pastPromise: "Có thể đến sau ngày đã hứa, {date}",
    },
    exception: {
      STALLED:
        "Không có lượt quét của hãng vận chuyển trong {days, plural, other {# ngày làm việc}}, lâu hơn bình thường ở chặng này của tuyến này. Hãy yêu cầu {carrier} truy tìm bưu kiện và báo người mua rằng bạn đang xử lý.",
      DELIVERY_FAILED:
        "{carrier} không giao được bưu kiện. Hãy kiểm tra địa chỉ với người mua và sắp xếp giao lại hoặc nhận tại điểm với {carrier}.",
      CUSTOMS_HELD:
        "Hải quan đang giữ bưu kiện. Hãy gửi cho {carrier} hóa đơn và chứng từ hải quan, và hỏi xem có phải nộp thuế không.",
      RETURNING_TO_SENDER:
        "Bưu kiện đang được hoàn về cho bạn. Hãy liên hệ người mua để đề nghị gửi lại hoặc hoàn tiền trước khi họ khiếu nại.",
      LATE: "Bưu kiện lẽ ra phải đến trước {date} nhưng chưa được giao. Hãy báo người mua và cân nhắc gửi hàng thay thế hoặc hoàn tiền một phần.",
      NO_SCAN_AFTER_CONFIRMATION:
        "Mã vận đơn đã được xác nhận {days, plural, other {# ngày làm việc}} trước nhưng {carrier} vẫn chưa quét bưu kiện. Hãy kiểm tra bưu kiện đã được bàn giao chưa, hoặc sửa mã vận đơn.",
    },
  },
};
