package cn.zhifa.evidence;

import java.util.List;

/**
 * Where evidence learns which 执法记录仪 a unit has in use, so that a video or audio upload can name the recorder it
 * came from (chain of custody). The equipment module implements it; without an implementation no recorder can be named.
 */
public interface RecorderRegister {

    /** The numbers of the 执法记录仪 in use (在用) of the unit and the units below it, sorted. */
    List<String> recordersInUse(long organizationId);
}
